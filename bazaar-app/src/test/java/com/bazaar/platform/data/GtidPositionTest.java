package com.bazaar.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtidPositionTest {
  @Test
  void aReplicaCoversEveryPositionUpToItsOwnInEachDomain() {
    GtidPosition replica = GtidPosition.parse("0-1-42,1-3-7");

    assertThat(replica.covers(GtidPosition.parse("0-1-42"))).isTrue();
    assertThat(replica.covers(GtidPosition.parse("0-1-41,1-3-7"))).isTrue();
    assertThat(replica.covers(GtidPosition.parse("0-1-43"))).isFalse();
    assertThat(replica.covers(GtidPosition.parse("2-1-1"))).as("a domain it has never seen").isFalse();
  }

  @Test
  void anEmptyPositionIsCoveredByAnyAndNeverByNone() {
    assertThat(GtidPosition.parse("").covers(GtidPosition.EMPTY)).isTrue();
    assertThat(GtidPosition.parse(null).covers(GtidPosition.parse("0-1-1"))).isFalse();
    assertThat(GtidPosition.parse("0-1-999999").covers(GtidPosition.NEVER)).isFalse();
  }
}
