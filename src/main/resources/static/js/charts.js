// Bar charts from data attributes (the page's CSP allows no inline script): data-labels and
// data-values hold "|"-separated lists; values are percentages.
document.querySelectorAll('canvas.chart').forEach(function (canvas) {
  if (typeof Chart === 'undefined') { return; }
  var labels = (canvas.dataset.labels || '').split('|');
  var values = (canvas.dataset.values || '').split('|').map(Number);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: labels, datasets: [{ data: values, backgroundColor: '#b71c1c' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100 } } }
  });
});
