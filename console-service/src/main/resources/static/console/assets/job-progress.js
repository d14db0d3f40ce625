// Follows a job on its page until it has finished. Served by the console itself (the
// Content-Security-Policy allows scripts from our own origin only); it sets text, never HTML.
(function () {
  'use strict';
  var script = document.getElementById('job-script');
  if (!script || !window.fetch) {
    return;
  }
  var url = script.getAttribute('data-progress');
  // a page that shows a new password is never reloaded: the password is not shown twice
  var keep = script.getAttribute('data-keep') === 'true';
  var interval = 2000;

  function show(progress) {
    var state = document.getElementById('job-state');
    state.textContent = progress.stateText;
    state.className = 'state state-' + progress.state;
    document.getElementById('job-progress').value = progress.step;
    document.getElementById('job').setAttribute('data-state', progress.state);
    if (progress.finishTimeText) {
      document.getElementById('job-finish-time').textContent = progress.finishTimeText;
    }
    if (progress.errorText) {
      document.getElementById('job-error-live-text').textContent = progress.errorText;
      document.getElementById('job-error-live-code').textContent = progress.errorCode || '';
      var error = document.getElementById('job-error-live');
      error.setAttribute('data-code', progress.errorCode || '');
      error.hidden = false;
    }
    var waiting = document.getElementById('job-waiting');
    if (progress.done && waiting) {
      waiting.hidden = true;
    }
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        if (progress.done && !keep) {
          window.location.reload();
          return;
        }
        show(progress);
        if (!progress.done) {
          window.setTimeout(poll, interval);
        }
      })
      .catch(function () {
        // the page itself says what went wrong (session ended, service unavailable)
        if (!keep) {
          window.location.reload();
        }
      });
  }

  window.setTimeout(poll, interval);
}());
