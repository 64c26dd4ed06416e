package com.bazaar.flashsale.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.bazaar.support.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the board reads the sales table again: on first use, once the list is old, after a local create. */
class SaleBoardTest {
  private final Sales sales = mock(Sales.class);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T20:00:00Z"));
  private final SaleBoard board = new SaleBoard(sales, clock);

  SaleBoardTest() {
    when(sales.endingAfter(any())).thenReturn(List.of());
  }

  @Test
  void theFirstLookReadsTheSalesAndTheNextOnesWithinTheFreshTimeDoNot() {
    board.current();
    board.current();
    clock.advance(SaleBoard.FRESH_FOR.minusMillis(1));
    board.current();

    verify(sales, times(1)).endingAfter(any());
  }

  @Test
  void anOldListIsReadAgain() {
    board.current();
    clock.advance(SaleBoard.FRESH_FOR);
    board.current();

    verify(sales, times(2)).endingAfter(any());
  }

  @Test
  void aSaleCreatedOnThisNodeIsSeenAtOnce() {
    board.current();
    board.added();
    board.current();

    verify(sales, times(2)).endingAfter(any());
  }

  @Test
  void aFailedFirstReadIsTriedAgainOnTheNextLook() {
    when(sales.endingAfter(any())).thenThrow(new IllegalStateException("database down")).thenReturn(List.of());
    board.current();
    board.current();

    verify(sales, times(2)).endingAfter(any());
  }
}
