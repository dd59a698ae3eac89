// A dashboard kept live: the server sends a "change" event (server-sent events, fed by PostgreSQL LISTEN/NOTIFY on
// every application node) and the page reloads its figures from the server. Reloads never overlap: changes arriving
// during one are served by one more reload after it. Without JavaScript the page is complete, only not live.
(function () {
  var box = document.getElementById('live');
  var state = document.getElementById('live-state');
  if (!box || !window.EventSource || !window.fetch) { return; }
  var busy = false;
  var again = false;
  function reload() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(box.dataset.refresh, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        box.innerHTML = html;
        if (window.baucuCharts) { window.baucuCharts(box); }
        box.dataset.reloads = String(Number(box.dataset.reloads || '0') + 1);
      })
      .catch(function () { /* the next change, or the reconnect, tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; reload(); }
      });
  }
  var source = new EventSource(box.dataset.live);
  source.addEventListener('ready', function () {
    if (state) { state.textContent = state.dataset.liveText; }
    box.setAttribute('data-connected', 'true');
    if (box.dataset.opened) { reload(); }   // reconnected: what was missed meanwhile
    box.dataset.opened = 'true';
  });
  source.addEventListener('change', reload);
  source.onerror = function () {
    if (state) { state.textContent = state.dataset.offText; }
    box.setAttribute('data-connected', 'false');
  };
})();
