// Dashboard: reads only the JSON API and the bundled map and register files; no other host.
(function () {
  'use strict';

  const KINDS = ['SITE_LINK', 'SITE_MENTION', 'CAMPAIGN', 'SAFETY_PLAN', 'NIGHTLIFE', 'NEWSLETTER_FEATURE', 'LEARNING_NETWORK'];
  const CARD_KINDS = KINDS;
  const LABELS = {
    SITE_LINK: { short: 'Link', long: 'linken naar www.seksueelgeweld.be' },
    SITE_MENTION: { short: 'Vermelding', long: 'vermelden www.seksueelgeweld.be' },
    CAMPAIGN: { short: 'Campagne', long: 'voeren een lokale campagne' },
    SAFETY_PLAN: { short: 'Veiligheidsplan', long: 'nemen seksueel geweld op in hun veiligheidsplan' },
    NIGHTLIFE: { short: 'Uitgaansleven', long: 'nemen maatregelen in het uitgaansleven' },
    NEWSLETTER_FEATURE: { short: 'Nieuwsbrief', long: 'kwamen als goede praktijk in de nieuwsbrief' },
    LEARNING_NETWORK: { short: 'Lerend netwerk', long: 'stelden hun aanpak voor in het lerend netwerk' },
  };
  const PROVINCES = ['Antwerpen', 'Limburg', 'Oost-Vlaanderen', 'Vlaams-Brabant', 'West-Vlaanderen'];
  const MERGER_DAY = '2025-01-01';
  const COLOURS = { present: '#1c6e8c', lost: '#e8833a', absent: '#e4e7eb' };

  const state = { asOf: null, today: null, list: [], geo: null };
  const $ = (id) => document.getElementById(id);

  // ---- helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('data-') || k === 'class' || k === 'href' || k === 'title' || k === 'colspan' || k === 'download') node.setAttribute(k, v);
      else node[k] = v;
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  // evidence URLs come from scanned pages: only http(s) becomes a link
  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function formatDate(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.slice(0, 10).split('-');
    return `${Number(d)}-${Number(m)}-${y}`;
  }

  const dayInBrussels = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
  function instantDay(iso) {
    return iso ? dayInBrussels.format(new Date(iso)) : null;
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  class Unavailable extends Error {
    constructor(message, retryAfter) { super(message); this.retryAfter = retryAfter; }
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (response.status === 503) {
      const body = await response.json().catch(() => ({}));
      throw new Unavailable(body.error || 'niet beschikbaar', Number(response.headers.get('Retry-After')) || 5);
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || `${path}: ${response.status}`);
    }
    return response.json();
  }

  // d3.csvParse compiles a row converter with new Function, which the page's CSP forbids
  function parseCsv(text) {
    const [header, ...rows] = d3.csvParseRows(text);
    return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }

  async function getText(path) {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.text();
  }

  function showMessage(text) {
    const box = $('message');
    box.textContent = text || '';
    box.hidden = !text;
  }

  // ---- loading

  async function loadGeo() {
    if (state.geo) return state.geo;
    const [topology, register2019, register2025, mergers] = await Promise.all([
      getJson('/geo/belgium-municipalities-2019.topojson'),
      getText('/register/municipalities-2019.csv').then(parseCsv),
      getText('/register/municipalities-2025.csv').then(parseCsv),
      getText('/register/mergers-2025.csv').then(parseCsv),
    ]);
    const geometries = new Map(topology.objects.municipalities.geometries.map((g) => [g.properties.nis, g]));
    const parts = new Map();
    for (const row of mergers) {
      if (!parts.has(row.new_nis_code)) parts.set(row.new_nis_code, []);
      parts.get(row.new_nis_code).push(row.old_nis_code);
    }
    const build = (register, partsOf) => register.map((row) => {
      const pieces = partsOf(row.nis_code).map((nis) => geometries.get(nis)).filter(Boolean);
      const geometry = pieces.length === 1
        ? topojson.feature(topology, pieces[0]).geometry
        : topojson.merge(topology, pieces);
      return { type: 'Feature', properties: { nis: row.nis_code, name: row.name }, geometry };
    }).filter((f) => f.geometry && f.geometry.coordinates.length);
    state.geo = {
      before: build(register2019, (nis) => [nis]),
      after: build(register2025, (nis) => parts.get(nis) || [nis]),
    };
    return state.geo;
  }

  async function load(asOf) {
    document.body.dataset.state = 'loading';
    const q = query({ asOf });
    try {
      const [list, summary, timeline, calls, practices, scan] = await Promise.all([
        getJson(`/api/municipalities${q}`),
        getJson(`/api/summary${q}`),
        getJson(`/api/timeline${q}`),
        getJson('/api/calls'),
        getJson(`/api/practices${q}`),
        getJson('/api/scans/latest'),
      ]);
      state.list = list;
      state.asOf = summary.asOf;
      if (!state.today) state.today = summary.asOf;
      $('as-of').max = state.today;
      $('as-of').value = state.asOf;
      $('as-of-label').textContent = asOf ? '' : '(vandaag)';
      showMessage('');
      renderCards(summary);
      renderTable();
      renderTimeline(timeline);
      renderCalls(calls);
      renderPractices(practices);
      renderScan(scan);
      renderDownloads();
      await renderMap();
      document.body.dataset.asOf = state.asOf;
      document.body.dataset.state = 'ready';
    } catch (e) {
      document.body.dataset.state = 'error';
      if (e instanceof Unavailable) {
        showMessage(`De gegevens zijn even niet beschikbaar (${e.message}). Nieuwe poging over ${e.retryAfter} s.`);
        setTimeout(() => load(asOf), e.retryAfter * 1000);
      } else {
        showMessage(`Er ging iets mis: ${e.message}`);
      }
    }
  }

  // ---- cards and breakdown

  function renderCards(summary) {
    const total = summary.flanders.municipalities;
    $('cards-scope').textContent = `stand op ${formatDate(summary.asOf)}, ${total} gemeenten`;
    const cards = $('cards');
    cards.replaceChildren();
    for (const kind of CARD_KINDS) {
      const n = summary.flanders.counts[kind];
      const centre = summary.centreCities.counts[kind];
      cards.append(el('div', { class: 'card', 'data-signal': kind },
        el('div', { class: 'value' },
          el('span', { 'data-count': '', text: String(n) }),
          el('span', { class: 'of', text: ' van ' }),
          el('span', { class: 'of', 'data-total': '', text: String(total) })),
        el('div', { class: 'label', text: `gemeenten ${LABELS[kind].long}` }),
        el('div', { class: 'extra', text: `${total ? Math.round((100 * n) / total) : 0}% · ${centre} van de ${summary.centreCities.municipalities} centrumsteden` })));
    }
    const table = $('breakdown');
    table.tHead.replaceChildren(el('tr', {}, el('th', { text: '' }), el('th', { class: 'num', text: 'Gemeenten' }),
      ...CARD_KINDS.map((k) => el('th', { class: 'num', text: LABELS[k].short }))));
    const row = (name, counts, key) => el('tr', { 'data-scope': key }, el('th', { text: name }),
      el('td', { class: 'num', text: String(counts.municipalities) }),
      ...CARD_KINDS.map((k) => el('td', { class: 'num', 'data-signal': k, text: String(counts.counts[k]) })));
    table.tBodies[0].replaceChildren(
      row('Vlaanderen', summary.flanders, 'flanders'),
      ...Object.entries(summary.provinces).map(([name, counts]) => row(name, counts, name)),
      row('Centrumsteden', summary.centreCities, 'centreCities'));
  }

  // ---- map

  function signalStatus(m, kind) {
    const s = m.signals[kind];
    if (s.present) return 'present';
    return s.firstSeen ? 'lost' : 'absent';
  }

  async function renderMap() {
    const geo = await loadGeo();
    const features = state.asOf >= MERGER_DAY ? geo.after : geo.before;
    const kind = $('map-signal').value || 'SITE_LINK';
    const byNis = new Map(state.list.map((m) => [m.nisCode, m]));
    const svg = d3.select('#map');
    const [width, height] = [640, 300];
    const projection = d3.geoMercator().fitSize([width, height], { type: 'FeatureCollection', features: geo.before });
    const path = d3.geoPath(projection);
    let coloured = 0;
    svg.selectAll('*').remove();
    svg.append('g').selectAll('path').data(features).join('path')
      .attr('class', 'municipality')
      .attr('d', path)
      .attr('data-nis', (f) => f.properties.nis)
      .each(function (f) {
        const m = byNis.get(f.properties.nis);
        const status = m ? signalStatus(m, kind) : 'absent';
        if (status === 'present') coloured++;
        this.setAttribute('data-status', status);
        this.setAttribute('fill', COLOURS[status]);
        const since = m && m.signals[kind].firstSeen ? ` sinds ${formatDate(instantDay(m.signals[kind].firstSeen))}` : '';
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = `${m ? m.name : f.properties.name} (${f.properties.nis}): ${LABELS[kind].short.toLowerCase()} ${
          status === 'present' ? 'aanwezig' + since : status === 'lost' ? 'verdwenen' : 'niet gezien'}`;
        this.append(title);
      })
      .on('click', (event, f) => {
        const m = byNis.get(f.properties.nis);
        $('filter-name').value = m ? m.name : f.properties.name;
        renderTable();
        $('municipalities').scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
    svg.attr('data-coloured', coloured).attr('data-signal', kind);
    $('map-count').textContent = `${coloured} van ${state.list.length} gemeenten ${LABELS[kind].long}`;
  }

  // ---- timeline

  function renderTimeline(timeline) {
    const svg = d3.select('#timeline');
    svg.selectAll('*').remove();
    const margin = { top: 34, right: 16, bottom: 28, left: 40 };
    const width = 640 - margin.left - margin.right;
    const height = 300 - margin.top - margin.bottom;
    const parse = (iso) => new Date(`${iso}T12:00:00`);
    const end = parse(timeline.asOf);
    const markerDates = [...timeline.calls, ...timeline.newsletterIssues, ...timeline.sessions].map((r) => parse(r.date));
    const start = d3.min([new Date('2019-01-01T12:00:00'), ...markerDates, ...timeline.points.map((p) => parse(p.date))]);
    const x = d3.scaleTime().domain([start, end]).range([0, width]);
    const y = d3.scaleLinear().domain([0, Math.max(5, d3.max(timeline.points, (p) => p.count) || 0)]).nice().range([height, 0]);
    const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
    g.append('g').attr('class', 'axis').attr('transform', `translate(0,${height})`).call(d3.axisBottom(x).ticks(6));
    g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(5));

    // a step from the start at zero to every change, flat to the as-of date
    const points = [{ date: start, count: 0 }, ...timeline.points.map((p) => ({ date: parse(p.date), count: p.count }))];
    if (points[points.length - 1].date < end) points.push({ date: end, count: points[points.length - 1].count });
    g.append('path').datum(points).attr('class', 'uptake-area')
      .attr('d', d3.area().curve(d3.curveStepAfter).x((p) => x(p.date)).y0(height).y1((p) => y(p.count)));
    g.append('path').datum(points).attr('class', 'uptake-line')
      .attr('data-last-count', points[points.length - 1].count)
      .attr('d', d3.line().curve(d3.curveStepAfter).x((p) => x(p.date)).y((p) => y(p.count)));

    const markers = g.append('g').attr('class', 'markers');
    const callIssues = new Set(timeline.calls.map((c) => c.id.split('#')[0]));
    for (const call of timeline.calls) {
      const m = markers.append('g').attr('class', 'marker').attr('data-kind', 'call').attr('data-date', call.date)
        .attr('transform', `translate(${x(parse(call.date))},0)`);
      m.append('line').attr('y1', -14).attr('y2', height);
      m.append('text').attr('y', -18).attr('text-anchor', 'middle').text(`oproep ${formatDate(call.date)}`);
      m.append('title').text(`Oproep in de nieuwsbrief van ${formatDate(call.date)}: ${call.title}`);
    }
    for (const issue of timeline.newsletterIssues.filter((i) => !callIssues.has(i.id))) {
      const m = markers.append('g').attr('class', 'marker').attr('data-kind', 'issue').attr('data-date', issue.date)
        .attr('transform', `translate(${x(parse(issue.date))},${height})`);
      m.append('path').attr('d', 'M0,-9L5,0L-5,0Z');
      m.append('title').text(`Nieuwsbrief ${formatDate(issue.date)}: ${issue.title}`);
    }
    for (const session of timeline.sessions) {
      const m = markers.append('g').attr('class', 'marker').attr('data-kind', 'session').attr('data-date', session.date)
        .attr('transform', `translate(${x(parse(session.date))},${height - 14})`);
      m.append('circle').attr('r', 4.5);
      m.append('title').text(`Lerend netwerk ${formatDate(session.date)}: ${session.title}`);
    }
    svg.attr('data-calls', timeline.calls.length);
  }

  // ---- table

  function filters() {
    return {
      province: $('filter-province').value,
      signal: $('filter-signal').value,
      centreCity: $('filter-centre').value,
      name: $('filter-name').value.trim().toLowerCase(),
    };
  }

  function signalCell(m, kind) {
    const s = m.signals[kind];
    const status = signalStatus(m, kind);
    const text = status === 'present' ? `✓ sinds ${formatDate(instantDay(s.firstSeen))}`
      : status === 'lost' ? `verdwenen ${formatDate(instantDay(s.lostAt))}` : '—';
    return el('td', { class: `signal ${status}`, 'data-signal': kind, text });
  }

  function evidenceCell(m) {
    const cell = el('td', { class: 'evidence' });
    for (const kind of KINDS) {
      const s = m.signals[kind];
      if (!s.present || !s.evidence.length) continue;
      const item = s.evidence[0];
      const url = safeUrl(item.url);
      const title = `${LABELS[kind].short}, gezien ${formatDate(instantDay(item.seenAt))}${item.snippet ? ': ' + item.snippet : ''}`;
      cell.append(url
        ? el('a', { href: url, title, text: LABELS[kind].short, rel: 'noopener noreferrer', target: '_blank' })
        : el('span', { title, text: LABELS[kind].short + ' ' }));
    }
    return cell;
  }

  function renderTable() {
    const f = filters();
    const table = $('municipalities');
    if (!table.tHead.rows.length) {
      table.tHead.append(el('tr', {}, el('th', { text: 'Gemeente' }), el('th', { text: 'NIS' }), el('th', { text: 'Provincie' }),
        el('th', { text: 'Centrumstad' }), ...KINDS.map((k) => el('th', { text: LABELS[k].short })), el('th', { text: 'Bewijs' })));
    }
    const rows = state.list
      .filter((m) => !f.province || m.province === f.province)
      .filter((m) => !f.signal || m.signals[f.signal].present)
      .filter((m) => !f.centreCity || String(m.centreCity) === f.centreCity)
      .filter((m) => !f.name || m.name.toLowerCase().includes(f.name) || m.nisCode.startsWith(f.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((m) => el('tr', { 'data-nis': m.nisCode },
        el('td', { text: m.name }), el('td', { text: m.nisCode }), el('td', { text: m.province }),
        el('td', { text: m.centreCity ? 'ja' : '' }),
        ...KINDS.map((k) => signalCell(m, k)),
        evidenceCell(m)));
    $('municipality-rows').replaceChildren(...rows);
    $('row-count').textContent = `${rows.length} gemeenten`;
    $('row-count').dataset.count = rows.length;
    $('table-csv').href = `/api/municipalities${query({ format: 'csv', asOf: state.asOf, province: f.province, signal: f.signal, centreCity: f.centreCity })}`;
    $('table-csv').title = f.name ? 'De naamfilter zit niet in de CSV; de andere filters wel.' : '';
  }

  // ---- calls, practices, scan, downloads

  function renderCalls(calls) {
    const visible = calls.filter((c) => c.callDate <= state.asOf);
    // the attribution counts are kept as of now only; say so rather than suggest they are historical
    $('calls-note').textContent = state.asOf === state.today ? '' : 'De tellingen zijn die van vandaag, niet die op de gekozen datum.';
    $('calls').tBodies[0].replaceChildren(...visible.map((c) => el('tr', { 'data-call': c.callId },
      el('td', { text: formatDate(c.callDate) }), el('td', { text: c.title }),
      ...['before', 'within30Days', 'within90Days', 'within365Days', 'later'].map((k) => el('td', { class: 'num', text: String(c[k]) })))));
    if (!visible.length) $('calls').tBodies[0].append(el('tr', {}, el('td', { colspan: '7', class: 'muted', text: 'Nog geen oproep op deze datum.' })));
  }

  function renderPractices(practices) {
    const rows = practices
      .slice()
      .sort((a, b) => (a.firstSeen || '').localeCompare(b.firstSeen || '') || a.name.localeCompare(b.name, 'nl'))
      .map((p) => {
        const evidence = el('td', { class: 'evidence' });
        for (const item of p.evidence.slice(0, 2)) {
          const url = safeUrl(item.url);
          const text = item.snippet || item.url || item.source;
          evidence.append(url ? el('a', { href: url, text, rel: 'noopener noreferrer', target: '_blank' }) : el('span', { text }), ' ');
        }
        const channels = [];
        if (p.channels.website) channels.push('website');
        for (const issue of p.channels.newsletterIssues) channels.push(`nieuwsbrief ${formatDate(issue.date)}`);
        for (const session of p.channels.learningNetworkSessions) channels.push(`lerend netwerk ${formatDate(session.date)}`);
        return el('tr', { 'data-nis': p.nisCode, 'data-kind': p.kind },
          el('td', { text: p.name }),
          el('td', { text: LABELS[p.kind].short + (p.present ? '' : ' (verdwenen)') }),
          el('td', { text: formatDate(instantDay(p.firstSeen)) }),
          evidence,
          el('td', { text: channels.join(', ') }));
      });
    $('practices').tBodies[0].replaceChildren(...rows);
  }

  function renderScan(scan) {
    const box = $('scan');
    box.dataset.status = scan.status;
    if (scan.status === 'NONE') {
      box.replaceChildren(el('p', { text: 'Nog geen scan uitgevoerd.' }));
      return;
    }
    const statusText = scan.status === 'RUNNING' ? 'bezig' : 'afgerond';
    box.replaceChildren(
      el('p', { text: `Scan ${statusText}: gestart ${formatDate(instantDay(scan.startedAt))}${scan.completedAt ? ', afgerond ' + formatDate(instantDay(scan.completedAt)) : ''}.` }),
      el('p', { text: `${scan.municipalities.done} van ${scan.municipalities.total} gemeenten gescand, waarvan ${scan.municipalities.failed} mislukt; ${scan.pages} pagina's en documenten gelezen.` }),
      el('p', { class: 'muted', text: 'Een mislukte scan verandert niets: een signaal verdwijnt pas als een volledige scan het niet meer vindt.' }));
  }

  function renderDownloads() {
    const asOf = state.asOf;
    const links = [
      ['Alle gemeenten met hun signalen', `/api/municipalities${query({ format: 'csv', asOf })}`],
      ['Kerncijfers (Vlaanderen, provincies, centrumsteden)', `/api/summary${query({ format: 'csv', asOf })}`],
      ['Verloop over de tijd', `/api/timeline${query({ format: 'csv', asOf })}`],
      ['Goede praktijken', `/api/practices${query({ format: 'csv', asOf })}`],
      ['Oproepen in de nieuwsbrief', '/api/calls?format=csv'],
      ['Laatste scan per gemeente', '/api/scans/latest?format=csv'],
    ];
    $('downloads').replaceChildren(...links.map(([text, href]) => el('li', {}, el('a', { href, 'data-csv': '', download: '', text }))));
  }

  // ---- wiring

  function init() {
    for (const kind of KINDS) {
      $('map-signal').append(el('option', { value: kind, text: LABELS[kind].short }));
      $('filter-signal').append(el('option', { value: kind, text: LABELS[kind].short }));
    }
    for (const province of PROVINCES) $('filter-province').append(el('option', { value: province, text: province }));
    for (const id of ['filter-province', 'filter-signal', 'filter-centre']) $(id).addEventListener('change', renderTable);
    $('filter-name').addEventListener('input', renderTable);
    $('map-signal').addEventListener('change', () => renderMap());

    const initial = new URLSearchParams(location.search).get('asOf');
    const reload = (asOf) => {
      const url = new URL(location.href);
      if (asOf) url.searchParams.set('asOf', asOf); else url.searchParams.delete('asOf');
      history.replaceState(null, '', url);
      load(asOf);
    };
    $('as-of').addEventListener('change', (e) => {
      const value = e.target.value;
      if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) reload(value === state.today ? null : value);
    });
    $('today').addEventListener('click', () => reload(null));
    load(initial);
  }

  document.addEventListener('DOMContentLoaded', init);
})();
