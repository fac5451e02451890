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
  var lastAlert = 0;
  function alertSound() {
    // Counted even when muted or blocked, so a test (and the page) can tell an alert was due.
    document.body.dataset.alerts = String((+document.body.dataset.alerts || 0) + 1);
    if (muted) return;
    if (Date.now() - lastAlert < 1500) return; // one signal for a burst (feed line + queue)
    lastAlert = Date.now();
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

  // Browsers start audio suspended until the user clicks: offer a visible switch on pages that
  // sound (the queue), and hide it once audio runs.
  var gate = document.getElementById("sound-gate");
  function showGate() {
    if (!gate) return;
    gate.hidden = !!(audio && audio.state === "running");
  }
  if (gate) {
    try { audio = new (window.AudioContext || window.webkitAudioContext)(); } catch (e) { audio = null; }
    showGate();
    var enable = document.getElementById("enable-sound");
    if (enable) enable.addEventListener("click", function () {
      muted = false;
      localStorage.setItem("fenghuo.muted", "false");
      showMute();
      if (!audio) { try { audio = new AudioContext(); } catch (e) { audio = null; } }
      if (audio) audio.resume().then(showGate);
      gate.hidden = true;
    });
    document.addEventListener("click", function () { if (audio && audio.state !== "running") audio.resume().then(showGate); }, true);
  }

  // Ages in the queue ("3 min 05 s"), ticking every second from the first alert.
  function ageText(ms) {
    var s = Math.max(0, Math.floor(ms / 1000)), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
    var pad = function (n) { return n < 10 ? "0" + n : String(n); };
    if (lang === "en") return (h ? h + " h " : "") + (h || m ? m + " min " : "") + pad(r) + " s";
    return (h ? h + "小时" : "") + (h || m ? m + "分" : "") + pad(r) + "秒";
  }
  function tickAges() {
    var now = Date.now();
    document.querySelectorAll("[data-since]").forEach(function (el) {
      var t = Date.parse(el.dataset.since);
      if (!isNaN(t)) el.textContent = ageText(now - t);
    });
  }
  tickAges();
  setInterval(tickAges, 1000);

  // The queue re-reads itself when the stream says an alarm changed. A fire alarm not seen before,
  // or a higher escalation level, flashes and sounds. The first reading only learns what is there.
  var seen = null;
  function learnQueue(alert) {
    var queue = document.getElementById("queue");
    if (!queue) return;
    var now = {};
    queue.querySelectorAll("[data-alarm-id]").forEach(function (card) {
      var id = card.dataset.alarmId, level = +card.dataset.escalation || 0;
      now[id] = level;
      if (!alert || !seen) return;
      var isNewFire = !(id in seen) && card.dataset.category === "FIRE";
      var escalated = (id in seen) && level > seen[id];
      if (isNewFire || escalated) {
        card.classList.add("fresh");
        alertSound();
      }
    });
    if (queue.dataset.loaded === "true") seen = now;
    tickAges();
  }
  learnQueue(false);
  document.body.addEventListener("htmx:afterSwap", function (evt) {
    if (evt.detail.target && evt.detail.target.id === "queue-box") learnQueue(true);
  });

  // The 119 terminal's live list re-reads itself on every incident or receipt; an incident not seen
  // before that awaits acknowledgement flashes and sounds. The first reading only learns.
  var seenIncidents = null;
  function learnIncidents(alert) {
    var list = document.getElementById("incidents");
    if (!list) return;
    var now = {};
    list.querySelectorAll("[data-incident-id]").forEach(function (card) {
      var id = card.dataset.incidentId;
      now[id] = true;
      if (alert && seenIncidents && !(id in seenIncidents) && card.dataset.awaiting === "true") {
        card.classList.add("fresh");
        alertSound();
      }
    });
    if (list.dataset.loaded === "true") seenIncidents = now;
    tickAges();
  }
  learnIncidents(false);
  document.body.addEventListener("htmx:afterSwap", function (evt) {
    if (evt.detail.target && evt.detail.target.id === "incidents-box") learnIncidents(true);
  });

  // An incident's page watches it: a receipt or a resend offers a refresh.
  document.body.addEventListener("htmx:sseMessage", function (evt) {
    var watch = evt.target;
    if (!watch || watch.id !== "incident-watch") return;
    var data = (evt.detail && evt.detail.data) || "";
    if (data === watch.dataset.watch && Date.now() - loadedAt > 3000) {
      document.getElementById("changed-banner").hidden = false;
    }
  });

  // The alarm detail's 119 status: turning to "not acknowledged" sounds (the banner says to call).
  document.body.addEventListener("htmx:afterSwap", function (evt) {
    if (evt.detail.target && evt.detail.target.id === "dispatch-box" && document.getElementById("call-119-banner")) {
      alertSound();
    }
  });

  // The detail page watches its alarm: a change made elsewhere (another seat, an escalation) offers
  // a refresh; a new fire alarm anywhere in the user's scope sounds and links back to the queue.
  // Changes in the first seconds after loading are the page's own action arriving, not news.
  var loadedAt = Date.now();
  document.body.addEventListener("htmx:sseMessage", function (evt) {
    var watch = evt.target;
    if (!watch || watch.id !== "alarm-watch") return;
    var type = evt.detail && evt.detail.type, data = (evt.detail && evt.detail.data) || "";
    if (type === "alarm-changed" && data === watch.dataset.watch && Date.now() - loadedAt > 3000) {
      document.getElementById("changed-banner").hidden = false;
    }
    var own = watch.dataset.watch && data.indexOf(watch.dataset.watch) >= 0;
    if (type === "alarm" && data.indexOf('data-alert="true"') >= 0 && !own) {
      document.getElementById("elsewhere-banner").hidden = false;
      alertSound();
    }
  });

  // False-alarm statistics chart (ECharts, from the data the server rendered into the page).
  function drawStatistics() {
    var el = document.querySelector("[data-false-alarm-chart]");
    if (!el || !window.echarts) return;
    var data = JSON.parse(el.dataset.chart || "{}");
    if (!data.units) return;
    var chart = echarts.init(el, "dark", { renderer: "svg" });
    chart.setOption({ backgroundColor: "transparent", animation: false, legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 80 },
      xAxis: { type: "category", data: data.units, axisLabel: { rotate: 30, interval: 0 } }, yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: el.dataset.false, type: "bar", stack: "all", data: data.falseAlarms, itemStyle: { color: "#ffb020" } },
        { name: el.dataset.tests, type: "bar", stack: "all", data: data.tests, itemStyle: { color: "#8cc4ff" } },
        { name: el.dataset.fires, type: "bar", stack: "all", data: data.trueFires, itemStyle: { color: "#ff5c5c" } }] });
    el.dataset.drawn = "true";
  }
  window.addEventListener("load", drawStatistics);

  // Integrity rate (完好率) per day, in percent (ECharts line, from the data the server rendered).
  function drawIntegrity() {
    var el = document.querySelector("[data-integrity-chart]");
    if (!el || !window.echarts) return;
    var data = JSON.parse(el.dataset.chart || "{}");
    if (!data.dates) return;
    var chart = echarts.init(el, "dark", { renderer: "svg" });
    chart.setOption({ backgroundColor: "transparent", animation: false, tooltip: { trigger: "axis" },
      grid: { left: 45, right: 15, top: 20, bottom: 40 },
      xAxis: { type: "category", data: data.dates }, yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" }, scale: true },
      series: [{ name: el.dataset.series, type: "line", data: data.rates, connectNulls: false, symbolSize: 6,
        itemStyle: { color: "#3ddc84" }, markLine: { silent: true, symbol: "none", data: [{ yAxis: 95 }], lineStyle: { color: "#ffb020" } } }] });
    el.dataset.drawn = "true";
  }
  window.addEventListener("load", drawIntegrity);

  // The overview's "open a unit's board" form goes to the board's path, not a query.
  var boardForm = document.getElementById("board-form");
  if (boardForm) boardForm.addEventListener("submit", function (evt) {
    evt.preventDefault();
    location.href = boardForm.dataset.boardForm + encodeURIComponent(boardForm.unit.value.trim());
  });

  // Open faults re-read on every fault event: a fault not shown before flashes. The first reading
  // only learns what is there.
  var seenFaults = null;
  function learnFaults(alert) {
    var list = document.getElementById("open-faults");
    if (!list) return;
    var now = {};
    list.querySelectorAll("[data-fault-id]").forEach(function (row) {
      now[row.dataset.faultId] = true;
      if (alert && seenFaults && !(row.dataset.faultId in seenFaults)) row.classList.add("fresh");
    });
    if (list.dataset.loaded === "true") seenFaults = now;
    tickAges();
  }
  learnFaults(false);
  document.body.addEventListener("htmx:afterSwap", function (evt) {
    var id = evt.detail.target && evt.detail.target.id;
    if (id === "open-faults-box" || id === "board-box") {
      learnFaults(true);
      document.body.dataset.faultRefreshes = String((+document.body.dataset.faultRefreshes || 0) + 1);
    }
  });

  // Live stream status, so an operator sees at once if updates stop.
  var status = document.getElementById("live-status");
  function showStatus(open) {
    if (!status) return;
    status.textContent = open ? status.dataset.open : status.dataset.closed;
    status.classList.toggle("open", open);
    status.classList.toggle("closed", !open);
  }
  // Events sent while the stream was down are not replayed: after a reconnect every live region
  // (queue, board, incident list, 119 status) re-reads itself, so no fire alarm is missed.
  var streamLost = false;
  document.body.addEventListener("htmx:sseOpen", function () {
    showStatus(true);
    if (streamLost) {
      streamLost = false;
      document.body.dataset.reconnects = String((+document.body.dataset.reconnects || 0) + 1);
      htmx.trigger(document.body, "live-reconnected");
    }
  });
  document.body.addEventListener("htmx:sseError", function () { streamLost = true; showStatus(false); });

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
