// Dashboard: reads only the JSON API and the bundled map and register files; no other host.
(function () {
  'use strict';

  const KINDS = ['SITE_LINK', 'SITE_MENTION', 'CAMPAIGN', 'SAFETY_PLAN', 'NIGHTLIFE', 'NEWSLETTER_FEATURE', 'LEARNING_NETWORK'];
  // website signals are known only for municipalities whose website was scanned completely
  const WEBSITE_KINDS = new Set(['SITE_LINK', 'SITE_MENTION', 'CAMPAIGN', 'SAFETY_PLAN', 'NIGHTLIFE']);
  const LABELS = {
    SITE_LINK: { short: 'Link', long: 'linken naar www.seksueelgeweld.be' },
    SITE_MENTION: { short: 'Vermelding', long: 'vermelden www.seksueelgeweld.be' },
    CAMPAIGN: { short: 'Campagne', long: 'voeren een lokale campagne' },
    SAFETY_PLAN: { short: 'Veiligheidsplan', long: 'nemen seksueel geweld op in hun veiligheidsplan' },
    NIGHTLIFE: { short: 'Uitgaansleven', long: 'nemen maatregelen in het uitgaansleven' },
    NEWSLETTER_FEATURE: { short: 'Nieuwsbrief', long: 'kwamen als goede praktijk aan bod in de nieuwsbrief' },
    LEARNING_NETWORK: { short: 'Lerend netwerk', long: 'stelden hun aanpak voor in het lerend netwerk' },
  };
  const OUTCOMES = {
    OK: 'volledig gescand',
    NO_WEBSITE: 'geen website bekend',
    NOT_SCANNED_YET: 'nog niet gescand',
    IN_PROGRESS: 'scan bezig',
    INCOMPLETE: 'scan onvolledig',
    UNREACHABLE: 'niet bereikbaar',
    ROBOTS_DISALLOWED: 'robots.txt verbiedt het',
    INTERRUPTED: 'scan onderbroken',
    ERROR: 'fout bij het scannen',
    TIMEOUT: 'time-out',
  };
  const CONFIDENCE = { high: 'hoog', medium: 'middel', low: 'laag' };
  const PROVINCES = ['Antwerpen', 'Limburg', 'Oost-Vlaanderen', 'Vlaams-Brabant', 'West-Vlaanderen'];
  const MERGER_DAY = '2025-01-01';
  const FIRST_DAY = '2019-01-01';
  const COLOURS = { present: '#1c6e8c', lost: '#e8833a', absent: '#e4e7eb', unknown: '#b8c2cc' };
  // a typed date is applied once it has been complete and valid for this long, so typing it digit by digit loads once
  const DATE_SETTLE_MS = 700;

  // what the rules look for, per kind (the catalogue's rules, in words)
  const RULES = {
    SITE_LINK: 'regel seksueelgeweld-link: de pagina linkt naar www.seksueelgeweld.be',
    SITE_MENTION: 'regel seksueelgeweld-mention: het adres www.seksueelgeweld.be staat in de tekst, zonder link',
    CAMPAIGN: 'campagneregels: een campagne of actie rond seksueel geweld of intimidatie, van de gemeente zelf',
    SAFETY_PLAN: 'veiligheidsplanregels: het gemeentelijk of zonaal veiligheidsplan, met seksueel geweld als thema',
    NIGHTLIFE: 'uitgaansregels: een maatregel in het uitgaansleven tegen seksueel geweld of grensoverschrijdend gedrag',
    NEWSLETTER_FEATURE: 'de nieuwsbrief bracht de gemeente als goede praktijk',
    LEARNING_NETWORK: 'de gemeente stelde haar aanpak voor in het lerend netwerk',
  };
  const REVIEWED = { CONFIRMED: 'bevestigd', REJECTED: 'verworpen', ADDED: 'toegevoegd', NONE: 'niet beoordeeld' };

  const state = { asOf: null, today: null, list: [], geo: null, summary: null, request: 0, controller: null };
  // the reviewer's login: the token lives in this page's memory only, never in a cookie or storage
  const login = { token: null, reviewer: null };
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

  // a share that never hides a municipality: 1 of 285 is "<1%", not "0%"
  function percent(n, total) {
    if (!total) return '';
    if (n === 0) return '0%';
    const p = (100 * n) / total;
    if (p < 1) return '<1%';
    if (n < total && Math.round(p) === 100) return '>99%';
    return `${Math.round(p)}%`;
  }

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  function outcomeText(outcome) {
    return OUTCOMES[outcome] || (outcome ? outcome.toLowerCase().replace(/_/g, ' ') : '');
  }

  function byOutcome(map) {
    return Object.entries(map || {}).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${n} ${outcomeText(o)}`).join(', ');
  }

  class Unavailable extends Error {
    constructor(message, retryAfter) { super(message); this.retryAfter = retryAfter; }
  }

  async function getJson(path, signal) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
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

  // where a piece of evidence came from, in words
  function originText(origin) {
    if (!origin) return '';
    let text;
    if (origin.kind === 'NEWSLETTER_ISSUE') text = `nieuwsbrief${origin.date ? ' van ' + formatDate(origin.date) : ''}`;
    else if (origin.kind === 'LEARNING_NETWORK_SESSION') text = `lerend netwerk${origin.date ? ', sessie van ' + formatDate(origin.date) : ''}`;
    else text = 'website';
    if (origin.provenance === 'reconstructed from the parliamentary answers') text += ', gereconstrueerd uit de parlementaire antwoorden';
    else if (origin.provenance) text += `, ${origin.provenance}`;
    return text;
  }

  // why a web page counted: the catalogue rule and the words it found, e.g.
  // "regel: campaign-local · actor: 'de stad Mechelen' · thema: 'seksueel geweld'"
  const ROLES = { titleOrUrl: 'titel of URL', link: 'link', mention: 'vermelding' };
  const ACTORS = {
    OWN: 'de gemeente zelf',
    LOCAL: 'haar diensten, politiezone, burgemeester of schepen',
    WE: "'wij/onze', aan niemand anders toegeschreven",
    UNNAMED: 'niemand genoemd (gemeente niet in het register)',
  };
  function whyBlock(item) {
    const phrases = (item.phrases || []).slice().sort((a, b) => (b.role === 'actor') - (a.role === 'actor'));
    if (!item.rule && !phrases.length) return null;
    const parts = [];
    if (item.rule) parts.push(el('span', { class: 'rule', text: `regel: ${item.rule}` }));
    for (const p of phrases) {
      const title = p.role === 'actor' && item.actor
        ? `${ACTORS[item.actor] || item.actor}; catalogus: ${p.phrase}` : `catalogus: ${p.phrase}`;
      // a reader's phrase is its score against its threshold, its text the words that weighed most
      const text = p.role === 'reader'
        ? `lezer (${p.phrase.replace('threshold', 'drempel')}): '${p.text}'`
        : `${ROLES[p.role] || p.role}: '${p.text}'`;
      parts.push(el('span', { class: 'phrase', 'data-role': p.role, title, text }));
    }
    if (item.actor && !phrases.some((p) => p.role === 'actor')) {
      parts.push(el('span', { class: 'phrase', 'data-role': 'actor', text: `actor: ${ACTORS[item.actor] || item.actor}` }));
    }
    const why = el('div', { class: 'why muted' });
    parts.forEach((part, i) => why.append(...(i ? [' · ', part] : [part])));
    return why;
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
    // only the answer to the latest request is shown: an older one that arrives late is dropped
    const request = ++state.request;
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    document.body.dataset.state = 'loading';
    const q = query({ asOf });
    try {
      const [list, summary, timeline, calls, practices, scan] = await Promise.all([
        getJson(`/api/municipalities${q}`, controller.signal),
        getJson(`/api/summary${q}`, controller.signal),
        getJson(`/api/timeline${q}`, controller.signal),
        getJson('/api/calls', controller.signal),
        getJson(`/api/practices${q}`, controller.signal),
        getJson('/api/scans/latest', controller.signal),
      ]);
      if (request !== state.request) return;
      state.list = list;
      state.summary = summary;
      state.asOf = summary.asOf;
      if (!state.today) state.today = summary.asOf;
      $('as-of').max = state.today;
      $('as-of').min = FIRST_DAY;
      if (document.activeElement !== $('as-of')) $('as-of').value = state.asOf;
      $('as-of-label').textContent = asOf ? '' : '(vandaag)';
      $('as-of-hint').textContent = '';
      showMessage('');
      renderCards(summary);
      renderTable();
      renderTimeline(timeline);
      renderCalls(calls);
      renderPractices(practices);
      renderScan(scan);
      renderDownloads();
      if (state.asOf === state.today && !$('add-nis').options.length) fillMunicipalities();
      renderQueue();
      await renderMap();
      if (request !== state.request) return;
      document.body.dataset.asOf = state.asOf;
      document.body.dataset.state = 'ready';
    } catch (e) {
      if (request !== state.request || e.name === 'AbortError') return;
      document.body.dataset.state = 'error';
      if (e instanceof Unavailable) {
        showMessage(`De gegevens zijn even niet beschikbaar (${e.message}). Nieuwe poging over ${e.retryAfter} s.`);
        setTimeout(() => { if (request === state.request) load(asOf); }, e.retryAfter * 1000);
      } else {
        showMessage(`Er ging iets mis: ${e.message}`);
      }
    }
  }

  // ---- cards and breakdown

  function renderCards(summary) {
    const f = summary.flanders;
    const total = f.municipalities;
    $('cards-scope').textContent = `stand op ${formatDate(summary.asOf)}, ${total} gemeenten`;
    const warning = $('scan-warning');
    const noneScanned = total > 0 && f.scanned === 0;
    warning.hidden = !noneScanned;
    warning.textContent = noneScanned
      ? `Geen enkele gemeentelijke website is op deze datum volledig gescand: ${f.notScanned} van de ${total} gemeenten niet bereikt`
        + `${f.notScanned ? ' (' + byOutcome(f.notScannedByOutcome) + ')' : ''}. `
        + 'Of gemeenten linken, vermelden, campagnes voeren, het thema in hun veiligheidsplan opnemen of maatregelen in het uitgaansleven nemen, is dus onbekend, niet nul.'
      : '';
    $('scan-note').textContent = !noneScanned && f.notScanned > 0
      ? `Websitesignalen geteld over de ${f.scanned} gescande gemeenten; ${f.notScanned} niet bereikt (${byOutcome(f.notScannedByOutcome)}): voor hen is het onbekend.`
      : '';
    const cards = $('cards');
    cards.replaceChildren();
    for (const kind of KINDS) {
      const website = WEBSITE_KINDS.has(kind);
      const n = shownOf(f, kind);
      const reviewed = reviewedOf(f, kind);
      const of = website ? f.scanned : total;
      const centre = summary.centreCities;
      const centreOf = website ? centre.scanned : centre.municipalities;
      const unknown = website && of === 0;
      const value = unknown
        ? el('div', { class: 'value' }, el('span', { class: 'unknown-value', 'data-unknown': '', text: 'onbekend' }))
        : el('div', { class: 'value' },
          el('span', { 'data-count': '', text: String(n) }),
          el('span', { class: 'of', text: ' van ' }),
          el('span', { class: 'of', 'data-total': '', text: String(of) }));
      const label = unknown ? `hoeveel gemeenten ${LABELS[kind].long}: geen enkele website gescand`
        : website ? `gescande gemeenten ${LABELS[kind].long}` : `gemeenten ${LABELS[kind].long}`;
      const extra = [];
      if (website) extra.push(`${f.notScanned} niet bereikt`);
      if (!unknown) extra.push(percent(n, of));
      if (!unknown) extra.push(`${shownOf(centre, kind)} van de ${centreOf} ${website ? 'gescande ' : ''}centrumsteden`);
      cards.append(el('div', { class: `card${unknown ? ' unknown' : ''}`, 'data-signal': kind },
        value,
        el('div', { class: 'label', text: label }),
        el('div', { class: 'extra', 'data-not-scanned': website ? String(f.notScanned) : null, text: extra.join(' · ') }),
        unknown ? null : el('div', { class: 'reviewed', 'data-confirmed': String(reviewed), 'data-unconfirmed': String(n - reviewed),
          title: `${(f.rejected || {})[kind] || 0} vondsten van de regels verworpen, ${(f.added || {})[kind] || 0} toegevoegd door het team`,
          text: `${reviewed} bevestigd · ${n - reviewed} niet beoordeeld` })));
    }
    const table = $('breakdown');
    table.tHead.replaceChildren(el('tr', {}, el('th', { text: '' }), el('th', { class: 'num', text: 'Gemeenten' }),
      el('th', { class: 'num', text: 'Gescand' }), el('th', { class: 'num', text: 'Niet bereikt' }),
      ...KINDS.map((k) => el('th', { class: 'num', text: LABELS[k].short + (WEBSITE_KINDS.has(k) ? ' *' : '') }))));
    const row = (name, counts, key) => el('tr', { 'data-scope': key }, el('th', { text: name }),
      el('td', { class: 'num', text: String(counts.municipalities) }),
      el('td', { class: 'num', 'data-scanned': '', text: String(counts.scanned) }),
      el('td', { class: 'num', 'data-not-scanned': '', title: byOutcome(counts.notScannedByOutcome), text: String(counts.notScanned) }),
      ...KINDS.map((k) => {
        const unknown = WEBSITE_KINDS.has(k) && counts.scanned === 0 && counts.municipalities > 0;
        if (unknown) return el('td', { class: 'num unknown', 'data-signal': k, text: 'onbekend' });
        const n = shownOf(counts, k);
        const reviewed = reviewedOf(counts, k);
        return el('td', { class: 'num', 'data-signal': k },
          el('span', { 'data-count': '', text: String(n) }),
          el('span', { class: 'reviewed', 'data-confirmed': String(reviewed), 'data-unconfirmed': String(n - reviewed),
            text: `${reviewed} bev. · ${n - reviewed} niet beoord.` }));
      }));
    table.tBodies[0].replaceChildren(
      row('Vlaanderen', summary.flanders, 'flanders'),
      ...Object.entries(summary.provinces).map(([name, counts]) => row(name, counts, name)),
      row('Centrumsteden', summary.centreCities, 'centreCities'));
    let foot = table.tFoot;
    if (!foot) foot = table.createTFoot();
    foot.replaceChildren(el('tr', {}, el('td', { colspan: String(4 + KINDS.length), class: 'muted',
      text: '* websitesignalen: geteld over de gescande gemeenten; nieuwsbrief en lerend netwerk over alle gemeenten.' })));
  }

  // the number to show: detected - rejected + added (summaries without review figures: detected)
  function shownOf(counts, kind) {
    return counts.shown ? counts.shown[kind] : counts.counts[kind];
  }

  // of the shown number, how many a reviewer confirmed or added
  function reviewedOf(counts, kind) {
    return ((counts.confirmed || {})[kind] || 0) + ((counts.added || {})[kind] || 0);
  }

  // whether the signal is in the shown counts: found and not rejected, or added
  function counted(s) {
    return s.counts === undefined ? s.present : s.counts;
  }

  // ---- map

  function scanned(m) {
    return m.scan && m.scan.scanned;
  }

  function signalStatus(m, kind) {
    const s = m.signals[kind];
    if (WEBSITE_KINDS.has(kind) && !scanned(m)) return 'unknown';
    if (counted(s)) return 'present';
    if (s.present) return 'absent';
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
    let unknown = 0;
    svg.selectAll('*').remove();
    svg.append('g').selectAll('path').data(features).join('path')
      .attr('class', 'municipality')
      .attr('d', path)
      .attr('data-nis', (f) => f.properties.nis)
      .each(function (f) {
        const m = byNis.get(f.properties.nis);
        const status = m ? signalStatus(m, kind) : 'absent';
        if (status === 'present') coloured++;
        if (status === 'unknown') unknown++;
        this.setAttribute('data-status', status);
        this.setAttribute('fill', COLOURS[status]);
        const since = m && m.signals[kind].firstSeen ? ` sinds ${formatDate(instantDay(m.signals[kind].firstSeen))}` : '';
        const text = status === 'present' ? 'aanwezig' + since : status === 'lost' ? 'verdwenen' : status === 'unknown'
          ? `onbekend, website ${outcomeText(m.scan.outcome)}` : 'niet gevonden';
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = `${m ? m.name : f.properties.name} (${f.properties.nis}): ${LABELS[kind].short.toLowerCase()} ${text}`;
        this.append(title);
      })
      .on('click', (event, f) => {
        const m = byNis.get(f.properties.nis);
        $('filter-name').value = m ? m.name : f.properties.name;
        renderTable();
        $('municipalities').scrollIntoView({ behavior: 'smooth', block: 'start' });
      });
    svg.attr('data-coloured', coloured).attr('data-unknown', unknown).attr('data-signal', kind);
    const website = WEBSITE_KINDS.has(kind);
    const of = website ? state.list.length - unknown : state.list.length;
    $('map-count').textContent = website && of === 0
      ? `Onbekend: geen enkele website gescand (${unknown} niet gescand)`
      : `${coloured} van ${of} ${website ? 'gescande ' : ''}gemeenten ${LABELS[kind].long}` + (website && unknown ? ` · ${unknown} niet gescand` : '');
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
    const start = d3.min([new Date(`${FIRST_DAY}T12:00:00`), ...markerDates, ...timeline.points.map((p) => parse(p.date))]);
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
      scanned: $('filter-scanned').value,
      name: $('filter-name').value.trim().toLowerCase(),
    };
  }

  function signalCell(m, kind) {
    const s = m.signals[kind];
    const status = signalStatus(m, kind);
    let text;
    if (status === 'present') text = s.present ? `✓ sinds ${formatDate(instantDay(s.firstSeen))}` : '✓ toegevoegd';
    else if (status === 'lost') text = `verdwenen ${formatDate(instantDay(s.lostAt))}`;
    else if (status === 'unknown') text = s.present ? `gezien ${formatDate(instantDay(s.firstSeen))}, niet gescand` : 'onbekend';
    else if (s.present && s.reviewed === 'REJECTED') text = '✗ verworpen';
    else text = '—';
    const cell = el('td', { class: `signal ${status}${s.reviewed === 'REJECTED' ? ' rejected' : ''}`, 'data-signal': kind,
      'data-reviewed': s.reviewed || 'NONE', text });
    if ((s.present || counted(s)) && status !== 'unknown') {
      const who = s.reviewedBy ? ` door ${s.reviewedBy} op ${formatDate(instantDay(s.reviewedAt))}` : '';
      cell.append(el('span', { class: 'reviewed', text: `${REVIEWED[s.reviewed || 'NONE']}${who}` }));
    }
    return cell;
  }

  function scanCell(m) {
    const scan = m.scan || {};
    const cell = el('td', { class: `scan ${scan.scanned ? 'scanned' : 'not-scanned'}`, 'data-outcome': scan.outcome });
    cell.append(el('span', { class: 'outcome', text: outcomeText(scan.outcome) }));
    if (scan.at) cell.append(el('span', { class: 'muted', text: ` (${formatDate(instantDay(scan.at))})` }));
    if (scan.scanned && scan.outcome !== 'OK' && scan.lastCompleteScanAt) {
      cell.append(el('div', { class: 'muted', text: `stand van de volledige scan van ${formatDate(instantDay(scan.lastCompleteScanAt))}` }));
    }
    return cell;
  }

  function websiteCell(m) {
    const cell = el('td', { class: 'website' });
    const url = safeUrl(m.website);
    if (url) cell.append(el('a', { href: url, text: url.replace(/^https?:\/\//, ''), rel: 'noopener noreferrer', target: '_blank' }));
    else cell.append(el('span', { class: 'muted', text: 'geen' }));
    if (m.websiteConfidence && m.websiteConfidence !== 'high') {
      cell.append(' ', el('span', { class: `confidence ${m.websiteConfidence}`, title: m.websiteSource || '',
        'data-confidence': m.websiteConfidence, text: `betrouwbaarheid ${CONFIDENCE[m.websiteConfidence] || m.websiteConfidence}` }));
    }
    return cell;
  }

  // the newest evidence of each present signal, readable as text: what matched, where and when
  function evidenceCell(m) {
    const cell = el('td', { class: 'evidence' });
    for (const kind of KINDS) {
      const s = m.signals[kind];
      if (!s.present || !s.evidence.length) continue;
      const item = s.evidence[0];
      const url = safeUrl(item.url) || safeUrl(item.origin && item.origin.url);
      const block = el('div', { class: 'ev', 'data-signal': kind });
      block.append(url
        ? el('a', { href: url, text: LABELS[kind].short, rel: 'noopener noreferrer', target: '_blank' })
        : el('strong', { text: LABELS[kind].short }));
      if (item.snippet) block.append(': ', el('span', { class: 'snippet', text: item.snippet }));
      block.append(' ', el('span', { class: 'origin muted', text: `(${originText(item.origin)}, ${formatDate(instantDay(item.seenAt))})` }));
      const why = whyBlock(item);
      if (why) block.append(why);
      cell.append(block);
    }
    return cell;
  }

  function renderTable() {
    const f = filters();
    const table = $('municipalities');
    if (!table.tHead.rows.length) {
      table.tHead.append(el('tr', {}, el('th', { text: 'Gemeente' }), el('th', { text: 'NIS' }), el('th', { text: 'Provincie' }),
        el('th', { text: 'Centrumstad' }), el('th', { text: 'Website' }), el('th', { text: 'Scan' }),
        ...KINDS.map((k) => el('th', { text: LABELS[k].short })), el('th', { text: 'Bewijs' })));
    }
    const rows = state.list
      .filter((m) => !f.province || m.province === f.province)
      .filter((m) => !f.signal || counted(m.signals[f.signal]))
      .filter((m) => !f.centreCity || String(m.centreCity) === f.centreCity)
      .filter((m) => !f.scanned || String(scanned(m)) === f.scanned)
      .filter((m) => !f.name || m.name.toLowerCase().includes(f.name) || m.nisCode.startsWith(f.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((m) => el('tr', { 'data-nis': m.nisCode, 'data-scanned': String(scanned(m)) },
        el('td', { text: m.name }), el('td', { text: m.nisCode }), el('td', { text: m.province }),
        el('td', { text: m.centreCity ? 'ja' : '' }),
        websiteCell(m), scanCell(m),
        ...KINDS.map((k) => signalCell(m, k)),
        evidenceCell(m)));
    $('municipality-rows').replaceChildren(...rows);
    $('row-count').textContent = `${rows.length} gemeenten`;
    $('row-count').dataset.count = rows.length;
    const params = { asOf: state.asOf, province: f.province, signal: f.signal, centreCity: f.centreCity, scanned: f.scanned };
    $('table-csv').href = `/api/municipalities${query({ ...params, format: 'csv' })}`;
    $('table-csv-excel').href = `/api/municipalities${query({ ...params, format: 'csv-excel' })}`;
    $('table-xlsx').href = `/api/municipalities${query({ ...params, format: 'xlsx' })}`;
    for (const id of ['table-csv', 'table-csv-excel', 'table-xlsx']) {
      $(id).title = f.name ? 'De naamfilter zit niet in de download; de andere filters wel.' : '';
    }
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
          const url = safeUrl(item.url) || safeUrl(item.origin && item.origin.url);
          const block = el('div', { class: 'ev' });
          const text = item.snippet || item.url || originText(item.origin);
          block.append(url ? el('a', { href: url, text, rel: 'noopener noreferrer', target: '_blank' }) : el('span', { class: 'snippet', text }));
          block.append(' ', el('span', { class: 'origin muted', text: `(${originText(item.origin)})` }));
          const why = whyBlock(item);
          if (why) block.append(why);
          evidence.append(block);
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
      box.replaceChildren(el('p', { text: 'Nog geen scan uitgevoerd: van geen enkele gemeente is de website gekend.' }));
      return;
    }
    const m = scan.municipalities;
    const statusText = scan.status === 'RUNNING' ? 'bezig' : 'afgerond';
    const completed = m.done - m.failed;
    const parts = [
      el('p', { text: `Scan ${statusText}: gestart ${formatDate(instantDay(scan.startedAt))}${scan.completedAt ? ', afgerond ' + formatDate(instantDay(scan.completedAt)) : ''}.` }),
      el('p', { text: `${m.total} websites in deze ronde; ${m.done} afgelopen: ${completed} volledig gescand, ${m.failed} mislukt`
        + `${m.failed ? ' (' + byOutcome(scan.failuresByReason) + ')' : ''}; ${scan.pages} pagina's en documenten gelezen.`
        + `${m.withoutWebsite ? ` ${m.withoutWebsite} gemeenten zonder gekende website.` : ''}` }),
    ];
    if (m.total > 0 && m.failed === m.total) {
      parts.push(el('p', { class: 'warning', text: 'Alle websites van deze ronde zijn mislukt: controleer de internetverbinding van de server.' }));
    }
    parts.push(el('p', { class: 'muted', text: 'Een mislukte scan verandert niets: een signaal verdwijnt pas als een volledige scan het niet meer vindt. Een gemeente die nooit volledig gescand werd, telt niet mee in de websitecijfers.' }));
    box.replaceChildren(...parts);
  }

  function renderDownloads() {
    const asOf = state.asOf;
    const tables = [
      ['Alle gemeenten met hun signalen en scan', '/api/municipalities', { asOf }],
      ['Kerncijfers (Vlaanderen, provincies, centrumsteden)', '/api/summary', { asOf }],
      ['Verloop over de tijd', '/api/timeline', { asOf }],
      ['Goede praktijken', '/api/practices', { asOf }],
      ['Oproepen in de nieuwsbrief', '/api/calls', {}],
      ['Laatste scan per gemeente', '/api/scans/latest', {}],
    ];
    $('report').href = `/api/report${query({ asOf })}`;
    $('downloads').tBodies[0].replaceChildren(...tables.map(([text, path, params]) => el('tr', {},
      el('th', { text }),
      el('td', {}, el('a', { href: `${path}${query({ ...params, format: 'csv' })}`, 'data-csv': '', download: '', text: 'CSV' })),
      el('td', {}, el('a', { href: `${path}${query({ ...params, format: 'csv-excel' })}`, 'data-csv-excel': '', download: '', text: 'CSV voor Excel' })),
      el('td', {}, el('a', { href: `${path}${query({ ...params, format: 'xlsx' })}`, 'data-xlsx': '', download: '', text: 'Excel' })))));
  }

  // ---- reviews: login, the queue of findings not reviewed yet, confirm / reject / add, scan on demand

  function reviewMessage(text, error) {
    const box = $('review-message');
    box.textContent = text || '';
    box.hidden = !text;
    box.classList.toggle('error', Boolean(error));
  }

  // a write request: JSON with the login token; the server also checks that it comes from this page
  async function send(method, path, body) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (login.token) headers.Authorization = `Bearer ${login.token}`;
    const response = await fetch(path, { method, headers, body: JSON.stringify(body) });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 401 && login.token) {
      setLogin(null, null);
      throw new Error('uw aanmelding is verlopen; meld opnieuw aan');
    }
    if (response.status === 404 || response.status === 405) throw new Error('beoordelen is op deze server niet ingeschakeld (geen beoordelaars ingesteld)');
    if (!response.ok) throw new Error(answer.error || `${response.status}`);
    return answer;
  }

  function setLogin(token, reviewer) {
    login.token = token;
    login.reviewer = reviewer;
    $('login-form').hidden = Boolean(token);
    $('reviewer').hidden = !token;
    $('review-work').hidden = !token;
    $('reviewer-name').textContent = reviewer || '';
    document.body.dataset.reviewer = reviewer || '';
    if (!token) $('login-password').value = '';
    renderQueue();
  }

  // the findings of the rules that no review decides now, newest first
  function queue() {
    const items = [];
    for (const m of state.list) {
      for (const kind of KINDS) {
        const s = m.signals[kind];
        if (!s.present) continue;
        const decided = new Set((s.reviews || [])
          .filter((r) => r.verdict !== 'ADDED' && !r.until && (!r.expiresOn || r.expiresOn >= state.today))
          .map((r) => r.url || r.sourceId));
        if (WEBSITE_KINDS.has(kind)) {
          const seen = new Set();
          for (const e of s.evidence) {
            if (!e.url || seen.has(e.url) || decided.has(e.url)) continue;
            seen.add(e.url);
            items.push({ m, kind, url: e.url, link: safeUrl(e.url), seenAt: e.seenAt, snippet: e.snippet, evidence: e });
          }
        } else {
          const refs = kind === 'NEWSLETTER_FEATURE' ? m.featuredIn : m.presentedAt;
          for (const r of refs || []) {
            if (decided.has(r.id)) continue;
            items.push({ m, kind, sourceId: r.id, link: safeUrl(r.url), seenAt: r.date, snippet: r.title });
          }
        }
      }
    }
    return items.sort((a, b) => String(b.seenAt || '').localeCompare(String(a.seenAt || '')) || a.m.name.localeCompare(b.m.name, 'nl'));
  }

  const QUEUE_ROWS = 200;

  function renderQueue() {
    const body = $('review-queue').tBodies[0];
    if (!login.token) {
      body.replaceChildren();
      $('queue-count').textContent = '';
      return;
    }
    if (state.asOf !== state.today) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: '7', class: 'muted', text: 'Beoordelen gaat over de stand van vandaag: kies "Vandaag".' })));
      $('queue-count').textContent = '';
      return;
    }
    const items = queue();
    $('queue-count').textContent = `${items.length} ${items.length === 1 ? 'vondst' : 'vondsten'} nog niet beoordeeld`;
    $('queue-count').dataset.count = items.length;
    body.replaceChildren(...items.slice(0, QUEUE_ROWS).map((item) => {
      const reason = el('input', { class: 'reason', placeholder: 'reden (nodig om te verwerpen)', maxLength: 1000 });
      const confirm = el('button', { type: 'button', 'data-action': 'confirm', text: 'Bevestigen' });
      const reject = el('button', { type: 'button', 'data-action': 'reject', text: 'Verwerpen' });
      const review = (verdict) => decide(item, verdict, reason.value.trim(), [confirm, reject]);
      confirm.addEventListener('click', () => review('CONFIRMED'));
      reject.addEventListener('click', () => {
        if (!reason.value.trim()) {
          reviewMessage('Geef een reden om een vondst te verwerpen.', true);
          reason.focus();
          return;
        }
        review('REJECTED');
      });
      return el('tr', { 'data-nis': item.m.nisCode, 'data-kind': item.kind, 'data-finding': item.url || item.sourceId },
        el('td', { text: item.m.name }),
        el('td', { text: LABELS[item.kind].short }),
        el('td', { text: formatDate(item.url ? instantDay(item.seenAt) : item.seenAt) }),
        el('td', { class: 'evidence' }, el('span', { class: 'snippet', text: item.snippet || '' })),
        // the rule that matched and the words it found; what the kind's rules look for when the item does not say
        el('td', { class: 'rule' }, (item.evidence && whyBlock(item.evidence)) || el('span', { text: RULES[item.kind] })),
        el('td', { class: 'evidence' }, item.link
          ? el('a', { href: item.link, text: item.url || item.link, rel: 'noopener noreferrer', target: '_blank' })
          : el('span', { text: item.sourceId })),
        el('td', { class: 'actions' }, confirm, ' ', reason, ' ', reject));
    }));
    if (items.length > QUEUE_ROWS) {
      body.append(el('tr', {}, el('td', { colspan: '7', class: 'muted', text: `De eerste ${QUEUE_ROWS} van ${items.length}; beoordeel ze om de volgende te zien.` })));
    }
  }

  async function decide(item, verdict, reason, buttons) {
    const review = { nisCode: item.m.nisCode, kind: item.kind, verdict };
    if (item.url) review.url = item.url; else review.sourceId = item.sourceId;
    if (reason) review.reason = reason;
    buttons.forEach((b) => { b.disabled = true; });
    await store(review, `${LABELS[item.kind].short} van ${item.m.name} ${verdict === 'CONFIRMED' ? 'bevestigd' : 'verworpen'}`);
    buttons.forEach((b) => { b.disabled = false; });
  }

  // stores a review, then reloads until the figures show it (the processing applies it within seconds)
  async function store(review, done) {
    try {
      const stored = await send('POST', '/api/reviews', review);
      reviewMessage(`${done}. De cijfers worden bijgewerkt…`);
      document.body.dataset.lastReview = stored.reviewId;
      const asOf = state.asOf === state.today ? null : state.asOf;
      for (let attempt = 0; attempt < 60; attempt++) {
        await load(asOf);
        const m = state.list.find((x) => x.nisCode === review.nisCode);
        if (m && (m.signals[review.kind].reviews || []).some((r) => r.reviewId === stored.reviewId)) {
          reviewMessage(`${done}; de cijfers zijn bijgewerkt.`);
          document.body.dataset.applied = stored.reviewId;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      reviewMessage(`${done}, maar de cijfers tonen het nog niet; herlaad de pagina straks.`, true);
    } catch (e) {
      reviewMessage(`Niet opgeslagen: ${e.message}`, true);
    }
  }

  function initReview() {
    for (const kind of KINDS) $('add-kind').append(el('option', { value: kind, text: LABELS[kind].short }));
    $('login-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const answer = await send('POST', '/api/login', { name: $('login-name').value.trim(), password: $('login-password').value });
        reviewMessage('');
        setLogin(answer.token, answer.reviewer);
      } catch (error) {
        reviewMessage(`Aanmelden mislukt: ${error.message}`, true);
      }
    });
    $('logout').addEventListener('click', async () => {
      try { await send('POST', '/api/logout', {}); } catch (e) { /* the token is forgotten here anyway */ }
      setLogin(null, null);
      reviewMessage('Afgemeld.');
    });
    $('add-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const kind = $('add-kind').value;
      const evidence = $('add-evidence').value.trim();
      const review = { nisCode: $('add-nis').value, kind, verdict: 'ADDED', date: $('add-date').value, reason: $('add-reason').value.trim() };
      if (WEBSITE_KINDS.has(kind)) review.url = evidence; else review.sourceId = evidence;
      if ($('add-snippet').value.trim()) review.snippet = $('add-snippet').value.trim();
      const m = state.list.find((x) => x.nisCode === review.nisCode);
      store(review, `${LABELS[kind].short} toegevoegd voor ${m ? m.name : review.nisCode}`);
    });
    $('scan-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const nis = $('scan-nis').value;
      try {
        const answer = await send('POST', '/api/scans', nis ? { nisCode: nis } : { all: true });
        reviewMessage(`Scan gevraagd (${answer.websites} ${answer.websites === 1 ? 'website' : 'websites'}); de laatste scan hieronder volgt hem.`);
      } catch (error) {
        reviewMessage(`Scan niet gevraagd: ${error.message}`, true);
      }
    });
  }

  // the municipalities of today in the add and scan forms
  function fillMunicipalities() {
    const sorted = state.list.slice().sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    $('add-nis').replaceChildren(...sorted.map((m) => el('option', { value: m.nisCode, text: `${m.name} (${m.nisCode})` })));
    $('scan-nis').replaceChildren(el('option', { value: '', text: 'alle gemeenten' }),
      ...sorted.map((m) => el('option', { value: m.nisCode, text: m.name })));
    $('add-date').max = state.today;
  }

  // ---- the date

  function validDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const d = new Date(`${value}T12:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }

  function initDate(reload) {
    const input = $('as-of');
    let pending = null;
    const apply = () => {
      clearTimeout(pending);
      pending = null;
      const value = input.value;
      if (!value) return;
      const today = state.today || input.max;
      if (!validDate(value)) {
        $('as-of-hint').textContent = 'Geen geldige datum.';
      } else if (value < FIRST_DAY || (today && value > today)) {
        $('as-of-hint').textContent = `Kies een datum van ${formatDate(FIRST_DAY)} tot vandaag.`;
      } else if (value !== state.asOf || document.body.dataset.state !== 'ready') {
        $('as-of-hint').textContent = '';
        reload(value === state.today ? null : value);
      }
    };
    // typing a date digit by digit passes through complete but unintended dates (year 0002, 0020, 0202):
    // apply only once the value has stood still, or at once on Enter or when the field is left
    const settle = () => {
      clearTimeout(pending);
      $('as-of-hint').textContent = '';
      pending = setTimeout(apply, DATE_SETTLE_MS);
    };
    input.addEventListener('input', settle);
    input.addEventListener('change', settle);
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } });
    input.addEventListener('blur', () => { if (pending) apply(); });
    $('as-of-form').addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  }

  // ---- wiring

  function init() {
    for (const kind of KINDS) {
      $('map-signal').append(el('option', { value: kind, text: LABELS[kind].short }));
      $('filter-signal').append(el('option', { value: kind, text: LABELS[kind].short }));
    }
    for (const province of PROVINCES) $('filter-province').append(el('option', { value: province, text: province }));
    for (const id of ['filter-province', 'filter-signal', 'filter-centre', 'filter-scanned']) $(id).addEventListener('change', renderTable);
    $('filter-name').addEventListener('input', renderTable);
    $('map-signal').addEventListener('change', () => renderMap());

    const initial = new URLSearchParams(location.search).get('asOf');
    const reload = (asOf) => {
      const url = new URL(location.href);
      if (asOf) url.searchParams.set('asOf', asOf); else url.searchParams.delete('asOf');
      history.replaceState(null, '', url);
      load(asOf);
    };
    initDate(reload);
    initReview();
    $('today').addEventListener('click', () => { $('as-of').value = state.today || ''; reload(null); });
    load(initial && validDate(initial) ? initial : null);
  }

  document.addEventListener('DOMContentLoaded', init);
})();
