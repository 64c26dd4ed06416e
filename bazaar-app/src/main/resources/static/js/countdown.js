// Progressive enhancement of the order page: the server renders the payment deadline and the time
// left when the page was drawn; this file (no inline script: the pages' Content-Security-Policy
// allows only the shop's own files) keeps the time left ticking. Without it the page still says
// the deadline. Each element with data-countdown-until (an ISO-8601 instant) counts down to it.
// The file holds no words: what it says when the time is up comes from the element's
// data-countdown-over, which the server writes in the page's language.
(function () {
  'use strict';
  var timers = document.querySelectorAll('[data-countdown-until]');
  if (timers.length === 0) {
    return;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function text(timer, secondsLeft) {
    if (secondsLeft <= 0) {
      return timer.getAttribute('data-countdown-over') || timer.textContent;
    }
    var hours = Math.floor(secondsLeft / 3600);
    var minutes = Math.floor((secondsLeft % 3600) / 60);
    var seconds = secondsLeft % 60;
    return (hours > 0 ? hours + ':' + pad(minutes) : String(minutes)) + ':' + pad(seconds);
  }

  function tick() {
    var now = Date.now();
    var running = false;
    timers.forEach(function (timer) {
      var until = Date.parse(timer.getAttribute('data-countdown-until'));
      if (isNaN(until)) {
        return;
      }
      var left = Math.ceil((until - now) / 1000);
      timer.textContent = text(timer, left);
      running = running || left > 0;
    });
    if (running) {
      window.setTimeout(tick, 1000 - (Date.now() % 1000));
    }
  }

  tick();
}());
