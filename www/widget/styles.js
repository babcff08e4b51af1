// The widget's CSS, adopted as a constructable stylesheet (works under style-src 'self').
// Host theming: --kj-accent, --kj-radius, --kj-font, --kj-bg, --kj-fg. The widget computes --kj-on
// (text on the accent) and --kj-at (accent used as text) for contrast ≥ 4.5:1.
export const css = `
:host{all:initial;display:block;contain:content}
:host([hidden]){display:none}
.kj{all:initial;display:block;box-sizing:border-box;container-type:inline-size;
--a:var(--kj-accent,#00695c);--bg:var(--kj-bg,#fff);--fg:var(--kj-fg,#1b1b1b);--r:var(--kj-radius,8px);
--mu:color-mix(in srgb,var(--fg) 72%,var(--bg));--ln:color-mix(in srgb,var(--fg) 25%,var(--bg));
--sf:color-mix(in srgb,var(--fg) 5%,var(--bg));
font:16px/1.45 var(--kj-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg);
background:var(--bg);border:1px solid var(--ln);border-radius:var(--r);padding:12px;min-width:0;
text-align:start;overflow-wrap:anywhere;-webkit-text-size-adjust:100%}
.kj *,.kj *::before,.kj *::after{box-sizing:border-box}
.kj h2,.kj h3,.kj h4,.kj p,.kj dl,.kj dd,.kj figure{margin:0}
.kj table{border-collapse:collapse;width:100%;margin:.25em 0}
.kj th,.kj td{padding:.3em .4em;border-bottom:1px solid var(--ln);text-align:start;vertical-align:top}
.kj td.n,.kj th.n{text-align:end;white-space:nowrap}
.kj caption{text-align:start;font-weight:700;padding:.2em 0}
.kj code{font-family:ui-monospace,Consolas,monospace;font-size:.85em}
.kj h2{font-size:1.15em;font-weight:700;line-height:1.25}
.kj h3{font-size:1.05em;font-weight:700;margin:.9em 0 .35em}
.kj h4{font-size:1em;font-weight:700;margin:.6em 0 .2em}
.kj p{margin:.3em 0}
.hd{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2em .8em;margin-bottom:.6em}
.hd .rg{color:var(--mu)}
.tabs{display:flex;flex-wrap:wrap;gap:4px;border-bottom:2px solid var(--a);margin-bottom:.8em}
.kj button,.kj .btn{display:inline-block;cursor:pointer;border:1px solid var(--a);border-radius:var(--r);
background:var(--bg);color:var(--at);padding:.45em .8em;min-height:44px;line-height:1.2;font-weight:600;
text-align:center;text-decoration:none;font:inherit;font-weight:600}
.kj button.pri{background:var(--a);color:var(--on)}
.kj button[disabled]{opacity:.55;cursor:not-allowed}
.tabs button{border-radius:var(--r) var(--r) 0 0;border-bottom:0;flex:1 1 0;min-width:max-content;padding:.45em .3em;
white-space:nowrap;overflow-wrap:normal;word-break:keep-all;hyphens:none}
@container (max-width:340px){.tabs button{font-size:.9em;padding:.45em .15em;letter-spacing:-.01em}}
.tabs button[aria-selected=true]{background:var(--a);color:var(--on)}
.kj input,.kj select,.kj textarea{display:block;font:inherit;width:100%;min-height:44px;padding:.4em .5em;border:1px solid var(--mu);
border-radius:calc(var(--r) / 2);background:var(--bg);color:var(--fg);max-width:100%}
.kj input[type=checkbox],.kj input[type=radio]{display:inline-block;width:1.25em;height:1.25em;min-height:0;margin:0 .4em 0 0;
vertical-align:-.2em;accent-color:var(--a);appearance:auto}
.kj select{appearance:auto}
.kj [aria-invalid=true]{border:2px solid #b00020}
.kj :focus-visible{outline:3px solid var(--fg);outline-offset:2px;box-shadow:0 0 0 5px var(--bg)}
.kj label{font-weight:600;margin:.5em 0 .15em}
.kj .lbl{display:block;font-weight:600;margin:.5em 0 .15em}
.kj .ck{font-weight:400;display:flex;align-items:center;min-height:44px;margin:0}
.kj a[data-next]{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px}
.kj fieldset{border:1px solid var(--ln);border-radius:var(--r);padding:.5em .7em;margin:.6em 0}
.kj legend{font-weight:700;padding:0 .3em}
.grid{display:grid;grid-template-columns:1fr;gap:0 .8em}
@container (min-width:560px){.grid{grid-template-columns:repeat(2,minmax(0,1fr))}.grid>.wide{grid-column:1/-1}
.res .cols{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:0 1.2em}}
@container (min-width:900px){.grid.g3{grid-template-columns:repeat(3,minmax(0,1fr))}}
.row{border:1px solid var(--ln);border-radius:var(--r);padding:.4em .7em .7em;margin:.5em 0;background:var(--sf)}
.bar{display:flex;flex-wrap:wrap;gap:.5em;margin:.6em 0}
.hint{color:var(--mu);font-size:.9em}
.err{color:#b00020;font-weight:600}
.kj .err:empty{display:none}
.note{border-inline-start:4px solid #8a5a00;padding:.3em .6em;margin:.4em 0;background:color-mix(in srgb,#f2b705 12%,var(--bg))}
.note:empty{display:none}
.res{margin-top:1em;border-top:2px solid var(--a);padding-top:.6em}
.res[aria-busy=true]{opacity:.6}
.big{font-size:1.6em;font-weight:800;line-height:1.2}
.amt{white-space:nowrap}
.lead{font-size:1.15em;font-weight:700}
.kj .x{min-height:28px;min-width:28px;padding:0 .35em;margin-inline-start:.3em;font-size:.8em;border-radius:50%;vertical-align:.1em;line-height:1}
.kj .xh:focus{outline:none}.kj .xh:focus-visible{outline:3px solid var(--fg)}
.ver{display:inline-block;font-size:.8em;font-weight:700;border:1px solid #8a5a00;color:#6b4500;background:#fff3d6;border-radius:4px;padding:0 .3em;margin-inline-start:.3em}
.words{font-style:italic}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.kj dialog{display:none;position:fixed;inset:0;margin:auto;max-width:min(40em,94vw);max-height:90vh;overflow:auto;
background:var(--bg);color:var(--fg);border:2px solid var(--a);border-radius:var(--r);padding:1em;font:16px/1.45 var(--kj-font,system-ui,sans-serif)}
.kj dialog[open]{display:block}
.kj dialog::backdrop{background:rgb(0 0 0 / .45)}
.kj .rule{border-top:1px solid var(--ln);padding:.35em 0}
.kj dialog th.n{white-space:normal}
.kj a{color:var(--at);text-decoration:underline}
.kj .frame{position:fixed;width:0;height:0;border:0;opacity:0}
.kj summary{cursor:pointer;font-weight:600;min-height:44px;padding:.55em 0}
.kj details{margin:.4em 0}
.kj label{display:block}
.ft{margin-top:1em;color:var(--mu);font-size:.85em}
/* Touch widths: every control at least 40 × 40 px (the "?" buttons too). */
@container (max-width:760px){.kj .x{min-width:40px;min-height:40px;font-size:.9em}}
@media (pointer:coarse){.kj .x{min-width:40px;min-height:40px}}
/* Tables marked .rf reflow into stacked rows on narrow widths: each cell on its own line, labelled by data-label. */
@container (max-width:600px){
.kj table.rf caption{display:block}
.kj table.rf,.kj table.rf tbody,.kj table.rf tfoot,.kj table.rf tr,.kj table.rf th,.kj table.rf td{display:block;width:auto}
.kj table.rf thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.kj table.rf.st thead{position:static;width:auto;height:auto;overflow:visible;clip-path:none;white-space:normal;display:block}
.kj table.rf.st thead tr{display:flex;flex-wrap:wrap;gap:0 .8em}
.kj table.rf.st thead th{display:block;border:0;padding:0}
.kj table.rf tbody tr,.kj table.rf tfoot tr{border:1px solid var(--ln);border-radius:calc(var(--r) / 2);margin:.4em 0;padding:.25em .5em}
.kj table.rf tbody th,.kj table.rf tfoot th{border:0;padding:.15em 0;font-weight:700}
.kj table.rf td{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 .6em;border:0;padding:.1em 0;text-align:end;white-space:normal}
.kj table.rf td[data-label]::before{content:attr(data-label);font-weight:400;color:var(--mu);text-align:start}
.kj table.rf td:empty,.kj table.rf td.e{display:none}
.kj table.rf td .ln{display:block;text-align:end}
}
`;

let shared = null;
/** One CSSStyleSheet per document, shared by every instance. */
export function sheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(css);
  }
  return shared;
}

// Print view (RAB) for the same-origin print iframe: one A4 portrait page for up to 6 groups, black on white.
export const printCss = `
@page{size:A4 portrait;margin:12mm 12mm 12mm 14mm}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font:8.5pt/1.28 Arial,"Liberation Sans",Helvetica,system-ui,sans-serif;color:#000;background:#fff;margin:0;overflow-wrap:anywhere}
.kop{text-align:center;text-transform:uppercase;font-weight:bold;border-bottom:2px solid #000;padding-bottom:4pt;margin-bottom:6pt}
.kop p{margin:0}
h1{font-size:11.5pt;margin:5pt 0 1pt}
.kop .ta{font-size:10.5pt}
.kop .ex{border:1.5px solid #000;display:inline-block;padding:0 6pt;margin-top:2pt}
p{margin:2pt 0}
table{border-collapse:collapse;width:100%}
table.info{margin:0 0 6pt}
table.info td{padding:0 3pt 1pt 0;vertical-align:top}
table.info td.k{white-space:nowrap;width:1%}
table.rab{table-layout:fixed;margin-top:2pt}
table.rab th,table.rab td{border:1px solid #000;padding:2pt 3pt;vertical-align:top;text-align:left}
table.rab th{font-weight:bold;background:#e6e6e6;text-align:center}
table.rab td.n{text-align:right;white-space:nowrap}
table.rab th.n{text-align:center}
.c-no{width:4.5%}.c-code{width:11.5%}.c-desc{width:28%}.c-vol{width:12%}.c-unit{width:7.5%}.c-price{width:10%}.c-amt{width:12%}.c-src{width:14.5%}
td.pb{font-size:7pt;line-height:1.15}
tr.sub td{font-weight:bold;background:#f2f2f2}
tfoot td{font-weight:bold}
tr.grand td{border-top:2px solid #000}
thead{display:table-header-group}
tr{break-inside:avoid}
.words{margin-top:4pt}
.small,.legal{font-size:7.5pt}
.legal{margin-top:4pt}
.place{text-align:right;margin-top:6pt}
.sig{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:8pt;text-align:center;margin-top:2pt;break-inside:avoid}
.sig>div{display:flex;flex-direction:column}
.sig p{margin:0}
.sig .nm{margin-top:auto;padding-top:34pt;font-weight:bold;text-decoration:underline}
`;
