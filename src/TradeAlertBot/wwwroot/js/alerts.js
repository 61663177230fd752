'use strict';
// Live alerts for the public page: each alert from /events that matches the page's filters is put at the top of the
// list, built with DOM calls and textContent only, so no feed text is ever parsed as HTML.
(() => {
  const list = document.getElementById('stories');
  if (!list || list.dataset.live !== 'on' || !window.EventSource) return;
  const params = new URLSearchParams(location.search);
  const wanted = {
    category: params.get('category') || '',
    country: (params.get('country') || '').toUpperCase(),
    q: (params.get('q') || '').trim().slice(0, 100).toLowerCase(),
  };
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const safeLink = link => {
    try { const u = new URL(link); return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null; } catch { return null; }
  };
  const fact = (a, label) => (a.facts.find(f => f.label === label) || {}).value;
  const matches = a => {
    if (wanted.category && !a.reasons.some(r => r.rule === wanted.category)) return false;
    if (wanted.country && !(fact(a, 'Countries') || '').split(', ').includes(wanted.country)) return false;
    return !wanted.q || `${a.title}\n${a.summary}`.toLowerCase().includes(wanted.q);
  };
  const render = a => {
    const li = el('li', 'story new');
    li.dataset.story = String(a.storyId);
    const article = el('article');
    const h2 = el('h2');
    const href = a.link && safeLink(a.link);
    if (href) { const l = el('a', null, a.title); l.href = href; h2.append(l); } else { h2.textContent = a.title || ''; }
    const meta = el('p', 'meta', 'Just now');
    const effective = fact(a, 'Effective');
    if (effective) meta.append(el('span', 'effective', ' · Effective ' + effective));
    // Per destination: what of the page's watch list the story touches (Alert.WatchLine).
    if (a.watchLine) article.append(el('p', 'watch', 'Your watch list: ' + a.watchLine));
    article.append(h2, meta, el('p', 'why', 'Why: ' + a.reasons.map(r => r.rule + ' ← ' + r.terms.join(', ')).join('; ')));
    const facts = a.facts.filter(f => f.label !== 'Effective');
    if (facts.length) article.append(el('p', 'facts', facts.map(f => f.label + ': ' + f.value).join(' · ')));
    const n = a.outletCount;
    article.append(el('p', 'outlets', `Reported by ${n} outlet${n === 1 ? '' : 's'}: ${a.source}`));
    li.append(article);
    return li;
  };
  const status = document.getElementById('live-status');
  const events = new EventSource('/events');
  events.addEventListener('open', () => { if (status) status.textContent = 'Live: new alerts that match appear at the top without reloading.'; });
  events.addEventListener('error', () => { if (status) status.textContent = 'Live updates interrupted; reconnecting…'; });
  events.addEventListener('alert', e => {
    const a = JSON.parse(e.data);
    if (!matches(a)) return;
    // A story reported again (more outlets) replaces its entry rather than appearing twice.
    const old = list.querySelector(`li[data-story="${Number(a.storyId)}"]`);
    if (old) old.remove();
    list.prepend(render(a));
    const empty = document.getElementById('empty');
    if (empty) empty.remove();
  });
})();
