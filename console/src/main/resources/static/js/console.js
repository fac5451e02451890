// The console's page behaviour, no build step: clock, live-stream status, alert sound with mute,
// keyboard navigation of lists, counters and the chart of live events.
(function () {
  "use strict";
  var lang = document.body.dataset.lang || "zh-CN";

  // Clock in Beijing time (the platform's zone), refreshed every second.
  var clock = document.getElementById("clock");
  function tick() {
    if (!clock) return;
    clock.textContent = new Date().toLocaleString(lang === "en" ? "en-GB" : "zh-CN",
      { timeZone: "Asia/Shanghai", hour12: false, year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }
  tick();
  setInterval(tick, 1000);

  // Alert sound: a two-tone signal through Web Audio, muted by the user's choice (kept per browser).
  var mute = document.getElementById("mute");
  var muted = localStorage.getItem("fenghuo.muted") === "true";
  var audio = null;
  function showMute() {
    if (!mute) return;
    mute.textContent = muted ? mute.dataset.off : mute.dataset.on;
    mute.setAttribute("aria-pressed", String(muted));
  }
  showMute();
  if (mute) mute.addEventListener("click", function () {
    muted = !muted;
    localStorage.setItem("fenghuo.muted", String(muted));
    showMute();
    if (!audio && window.AudioContext) audio = new AudioContext();
  });
  function alertSound() {
    if (muted) return;
    try {
      if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.35, 0.7].forEach(function (t, i) {
        var osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = i % 2 ? 660 : 880;
        gain.gain.value = 0.2;
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(audio.currentTime + t); osc.stop(audio.currentTime + t + 0.3);
      });
    } catch (e) { /* no audio device: the red line and its words remain */ }
  }

  // Live stream status, so an operator sees at once if updates stop.
  var status = document.getElementById("live-status");
  function showStatus(open) {
    if (!status) return;
    status.textContent = open ? status.dataset.open : status.dataset.closed;
    status.classList.toggle("open", open);
    status.classList.toggle("closed", !open);
  }
  document.body.addEventListener("htmx:sseOpen", function () { showStatus(true); });
  document.body.addEventListener("htmx:sseError", function () { showStatus(false); });

  // Counters and chart of the events this page received.
  var counts = {}, perMinute = {}, chart = null;
  function count(kind) {
    counts[kind] = (counts[kind] || 0) + 1;
    document.querySelectorAll('[data-count="' + kind + '"]').forEach(function (el) { el.textContent = counts[kind]; });
    var minute = Math.floor(Date.now() / 60000);
    perMinute[minute] = (perMinute[minute] || 0) + 1;
    drawChart();
  }
  function drawChart() {
    var el = document.querySelector("[data-live-chart]");
    if (!el || !window.echarts) return;
    if (!chart) chart = echarts.init(el, "dark", { renderer: "svg" });
    var now = Math.floor(Date.now() / 60000), labels = [], values = [];
    for (var m = now - 29; m <= now; m++) {
      labels.push(new Date(m * 60000).toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false }));
      values.push(perMinute[m] || 0);
    }
    chart.setOption({ backgroundColor: "transparent", animation: false, grid: { left: 30, right: 10, top: 10, bottom: 25 },
      xAxis: { type: "category", data: labels }, yAxis: { type: "value", minInterval: 1 },
      series: [{ name: el.dataset.series, type: "bar", data: values, itemStyle: { color: "#ff5c5c" } }] });
  }
  window.addEventListener("load", drawChart);
  setInterval(drawChart, 60000);

  // A new line in the live feed: mark it, count it, sound the alert for a new fire alarm.
  document.body.addEventListener("htmx:sseMessage", function (evt) {
    var feed = document.getElementById("live-feed");
    if (!feed || !feed.firstElementChild) return;
    var line = feed.firstElementChild;
    if (line.dataset.seen) return;
    line.dataset.seen = "true";
    line.classList.add("fresh");
    feed.closest(".feed-panel").classList.add("has-events");
    count(line.dataset.kind);
    if (line.dataset.alert === "true") alertSound();
  });

  // Keyboard navigation of lists marked data-keynav: arrows move, Home/End jump.
  document.addEventListener("keydown", function (evt) {
    var list = evt.target.closest && evt.target.closest("[data-keynav]");
    if (!list) return;
    var items = Array.prototype.slice.call(list.children);
    if (!items.length) return;
    var i = items.indexOf(evt.target);
    var next = null;
    if (evt.key === "ArrowDown") next = items[Math.min(i + 1, items.length - 1)];
    else if (evt.key === "ArrowUp") next = items[Math.max(i - 1, 0)];
    else if (evt.key === "Home") next = items[0];
    else if (evt.key === "End") next = items[items.length - 1];
    if (next) { evt.preventDefault(); next.focus(); }
  });

  // htmx requests that change state carry the CSRF token.
  document.body.addEventListener("htmx:configRequest", function (evt) {
    var token = document.querySelector('meta[name="_csrf"]'), header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) evt.detail.headers[header.content] = token.content;
  });
})();
