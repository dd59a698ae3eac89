// Charts drawn from data attributes (the page's CSP allows no inline script): data-labels and data-values hold
// "|"-separated lists of percentages; data-type="line" draws a line (turnout over the day), else horizontal bars.
// Every chart has its data table beside it; the charts are only an enhancement.
window.baucuCharts = function (root) {
  if (typeof Chart === 'undefined') { return; }
  (root || document).querySelectorAll('canvas.chart').forEach(function (canvas) {
    var existing = Chart.getChart(canvas);
    if (existing) { existing.destroy(); }
    var labels = (canvas.dataset.labels || '').split('|');
    var values = (canvas.dataset.values || '').split('|').map(Number);
    var line = canvas.dataset.type === 'line';
    if (!line) {
      // one bar per line of the table beside it: the chart's height follows their number
      var box = canvas.parentNode.classList.contains('chart-box') ? canvas.parentNode : null;
      if (!box) {
        box = document.createElement('div');
        box.className = 'chart-box';
        canvas.parentNode.insertBefore(box, canvas);
        box.appendChild(canvas);
      }
      box.style.height = (labels.length * 28 + 60) + 'px';
    }
    new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: { labels: labels, datasets: [{ data: values, backgroundColor: '#b71c1c', borderColor: '#b71c1c' }] },
      options: {
        animation: false,
        maintainAspectRatio: line,
        indexAxis: line ? 'x' : 'y',
        plugins: { legend: { display: false } },
        scales: line ? { y: { min: 0, max: 100 } } : { x: { min: 0, max: 100 } }
      }
    });
  });
};
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', function () { window.baucuCharts(document); });
} else {
  window.baucuCharts(document);
}
