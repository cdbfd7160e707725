// Live dashboard: listens to /live (the Web app's relay of the Api's /events) and updates the KPIs, the charts
// and the latest-tickets list in place. Every piece of ticket text goes in through textContent, never innerHTML.
(() => {
  "use strict";
  const status = document.getElementById("live-status");
  const latest = document.getElementById("latest");
  const maxLatest = 10;
  const barWidth = 200, labelWidth = 120;

  const setStatus = (text, state) => {
    if (!status) return;
    status.textContent = text;
    status.className = "live " + state;
  };

  const setText = (id, value) => {
    const element = document.getElementById(id);
    if (element) element.textContent = String(value);
  };

  const updateChart = (name, counts) => {
    const chart = document.querySelector(`[data-chart="${name}"]`);
    if (!chart || !counts) return;
    const max = Math.max(1, ...Object.values(counts));
    const described = [];
    for (const [key, count] of Object.entries(counts)) {
      const group = chart.querySelector(`g[data-key="${key}"]`);
      if (!group) continue;
      const width = Math.round(count / max * barWidth);
      group.querySelector("rect").setAttribute("width", String(width));
      const label = group.querySelector(".bar-count");
      label.textContent = String(count);
      label.setAttribute("x", String(labelWidth + width + 6));
      described.push(`${key.replace("_", " ")} ${count}`);
    }
    const title = chart.querySelector("figcaption")?.textContent ?? name;
    chart.querySelector("svg")?.setAttribute("aria-label", `${title}: ${described.join(", ")}`);
  };

  const onOverview = (overview) => {
    const triaged = overview.total_tickets - overview.pending;
    const critical = overview.by_priority.critical ?? 0;
    const urgent = critical + (overview.by_priority.high ?? 0);
    setText("kpi-total", overview.total_tickets);
    setText("kpi-pending", overview.pending);
    setText("kpi-needs-review", overview.needs_review ?? 0);
    setText("kpi-critical", critical);
    setText("kpi-angry", overview.by_sentiment.angry ?? 0);
    setText("kpi-urgent", triaged === 0 ? "0%" : `${Math.round(100 * urgent / triaged)}%`);
    updateChart("priority", overview.by_priority);
    updateChart("category", overview.by_category);
    updateChart("sentiment", overview.by_sentiment);
  };

  const badge = (text, className) => {
    const span = document.createElement("span");
    span.className = "badge " + className;
    span.textContent = text;
    return span;
  };

  const onTriaged = (ticket) => {
    if (!latest) return;
    latest.querySelector(`li[data-id="${CSS.escape(ticket.id)}"]`)?.remove();
    const item = document.createElement("li");
    item.dataset.id = ticket.id;
    item.className = "fresh";
    const link = document.createElement("a");
    link.href = "/tickets/" + encodeURIComponent(ticket.id);
    link.textContent = ticket.subject || "(no subject)";
    const labels = document.createElement("span");
    labels.className = "labels";
    if (ticket.triage) {
      labels.append(" ", badge(ticket.triage.priority, "value-" + ticket.triage.priority),
        badge(ticket.triage.category.replace("_", " "), "category"),
        badge(ticket.triage.sentiment, "value-" + ticket.triage.sentiment));
    }
    item.append(link, labels);
    latest.prepend(item);
    while (latest.children.length > maxLatest) latest.lastElementChild.remove();
  };

  const connect = () => {
    // EventSource reconnects by itself (after the stream's "retry" delay, 2 s) when the Api restarts.
    const events = new EventSource("/live");
    events.onopen = () => setStatus("live: connected", "connected");
    events.onerror = () => setStatus("live: reconnecting…", "disconnected");
    events.addEventListener("api-unavailable", () => setStatus("live: Api unreachable, retrying…", "disconnected"));
    events.addEventListener("overview", e => onOverview(JSON.parse(e.data)));
    events.addEventListener("triaged", e => {
      const ticket = JSON.parse(e.data);
      onTriaged(ticket);
      // Other scripts of the page (the Review page's) follow the same stream instead of opening their own.
      document.dispatchEvent(new CustomEvent("ticketsense:triaged", { detail: ticket }));
    });
  };

  connect();
})();
