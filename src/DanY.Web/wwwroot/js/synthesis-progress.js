// Updates the synthesis progress bar in place while a job runs; reloads when it ends.
(function () {
  var box = document.getElementById('synthesis-job');
  var bar = document.getElementById('job-progress');
  if (!box || !bar) return;
  var url = box.getAttribute('data-progress-url');
  var meta = document.querySelector('meta[http-equiv="refresh"]');
  if (!meta) return;
  meta.parentNode.removeChild(meta);
  var labels = { queued: 'Đang chờ', running: 'Đang chạy', succeeded: 'Đã xong', failed: 'Lỗi' };
  function poll() {
    fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (j) {
      var pct = Math.round(j.progress * 100);
      bar.value = pct;
      document.getElementById('job-percent').textContent = pct + '%';
      document.getElementById('job-stage').textContent = j.stage;
      document.getElementById('job-status').textContent = labels[j.status] || j.status;
      if (j.status === 'queued' || j.status === 'running') setTimeout(poll, 1000);
      else window.location.reload();
    }).catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();
