"""The review view's style and script, inlined in every file (it must open from disk with no
network): colours by item type and field, the page switcher, item details on click, the
switches for furniture, ads and hidden text, and keys for the next and previous item."""

from __future__ import annotations

STYLE = """
:root { --article:#1f77b4; --box:#2ca02c; --picture:#d62728; --brief:#9467bd;
  --furniture:#7f7f7f; --ad:#ff7f0e; --hidden:#e377c2; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui, sans-serif; display:flex; height:100vh; }
#view { flex:3; overflow:auto; background:#ddd; padding:8px; }
#side { flex:2; overflow:auto; border-left:1px solid #999; padding:8px 12px; }
nav { margin-bottom:8px; } nav button.on { font-weight:bold; }
.page { display:none; } .page.on { display:block; }
.sheet { position:relative; display:inline-block; background:#fff; }
.sheet img { display:block; max-width:100%; height:auto; }
.box { position:absolute; border:2px solid var(--c); background:transparent; }
.box[data-kind=item] { border-width:3px; cursor:pointer; }
.box[data-kind=field] { border-style:dashed; border-width:1px; pointer-events:none; }
.box.sel { background:rgba(255,230,0,.25); }
.box .n { position:absolute; left:-1.4em; top:0; font-size:10px; color:var(--c); }
.t-article { --c:var(--article); } .t-box { --c:var(--box); }
.t-picture { --c:var(--picture); } .t-brief { --c:var(--brief); }
.t-furniture { --c:var(--furniture); } .t-ad { --c:var(--ad); } .t-hidden { --c:var(--hidden); }
body.no-furniture .t-furniture, body.no-ads .t-ad, body.no-hidden .t-hidden { display:none; }
.dump { white-space:pre-wrap; font:12px/1.35 ui-monospace, monospace; background:#fff;
  padding:8px; }
.dump mark.box { position:static; border:none; border-bottom:2px solid var(--c);
  background:transparent; cursor:pointer; pointer-events:auto; }
.dump mark.sel { background:rgba(255,230,0,.5); }
.f-kicker { --c:#8c564b; } .f-headline { --c:#d62728; } .f-teaser { --c:#e377c2; }
.f-byline, .f-dateline { --c:#9467bd; } .f-paragraphs { --c:#1f77b4; }
.f-pull_quotes { --c:#17becf; } .f-caption { --c:#2ca02c; } .f-credit { --c:#bcbd22; }
.f-notes { --c:#7f7f7f; }
.detail { display:none; } .detail.on { display:block; }
.detail h3 { margin:4px 0; } .field { margin:4px 0; } .field b { color:#555; }
.repair { font:12px ui-monospace, monospace; } .repair del { color:#a00; }
.repair ins { color:#070; }
.card { border-left:4px solid var(--c); padding:2px 6px; margin:2px 0; cursor:pointer; }
.card.sel { background:#ffe; }
"""

SCRIPT = """
(function () {
  const items = Array.from(document.querySelectorAll('.card'));
  let current = -1;
  function showPage(n) {
    document.querySelectorAll('.page, nav button').forEach(
      e => e.classList.toggle('on', e.dataset.page === n));
  }
  function select(id) {
    document.querySelectorAll('.sel').forEach(e => e.classList.remove('sel'));
    document.querySelectorAll('.detail').forEach(
      d => d.classList.toggle('on', d.dataset.item === id));
    document.querySelectorAll('[data-item="' + id + '"]').forEach(e => {
      if (!e.classList.contains('detail')) e.classList.add('sel');
    });
    current = items.findIndex(c => c.dataset.item === id);
    const card = items[current];
    if (card) showPage(card.dataset.page);
    const shown = document.querySelector('.page.on .sel');
    if (shown) shown.scrollIntoView({block: 'center'});
  }
  document.querySelectorAll('nav button').forEach(
    b => b.addEventListener('click', () => showPage(b.dataset.page)));
  document.querySelectorAll('[data-kind=item], .card, .dump mark').forEach(e =>
    e.addEventListener('click', () => select(e.dataset.item)));
  document.querySelectorAll('input[data-hide]').forEach(box => box.addEventListener('change', () =>
    document.body.classList.toggle(box.dataset.hide, !box.checked)));
  document.addEventListener('keydown', ev => {
    if (!items.length) return;
    if (ev.key === 'j' || ev.key === 'ArrowDown') current = Math.min(current + 1, items.length - 1);
    else if (ev.key === 'k' || ev.key === 'ArrowUp') current = Math.max(current - 1, 0);
    else return;
    ev.preventDefault();
    select(items[current].dataset.item);
  });
  const first = document.querySelector('nav button');
  if (first) showPage(first.dataset.page);
})();
"""
