// Progressive enhancement of the order page: the server renders the payment deadline and the time
// left when the page was drawn; this file (no inline script: the pages' Content-Security-Policy
// allows only the shop's own files) keeps the time left ticking. Without it the page still says
// the deadline. Each element with data-countdown-until (an ISO-8601 instant) counts down to it.
(function () {
  'use strict';
  var timers = document.querySelectorAll('[data-countdown-until]');
  if (timers.length === 0) {
    return;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function text(secondsLeft) {
    if (secondsLeft <= 0) {
      return '已到期 Time is up — 请刷新 reload the page';
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
      timer.textContent = text(left);
      running = running || left > 0;
    });
    if (running) {
      window.setTimeout(tick, 1000 - (Date.now() % 1000));
    }
  }

  tick();
}());
