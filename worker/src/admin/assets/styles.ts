// The admin UI's one stylesheet, served as /admin/assets/app.css (CSP forbids inline styles).
export const STYLES = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1b2430;--muted:#5b6675;--line:#e3e7ed;--brand:#3a5bd9;--brand-ink:#fff;
--a:#1f8a5b;--b:#2f6fd1;--c:#7a8494;--good:#1f8a5b;--fair:#6a9a2f;--watch:#b7791f;--hold:#c53030;--unknown:#7a8494;
--focus:#ffbf47;--radius:10px;--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08);
font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
color:var(--ink);background:var(--bg);line-height:1.5;font-size:15px}
*{box-sizing:border-box}
body{margin:0}
a{color:var(--brand)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}
/* Fields always show focus: a date input's focus sits in its inner parts, where :focus-visible does not reach. */
input:focus,input:focus-within,select:focus,textarea:focus{outline:3px solid var(--focus);outline-offset:1px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-9999px;top:0;background:var(--ink);color:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem;top:.5rem}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.6rem 1.25rem;background:#101828;color:#e8ecf3}
.top a{color:#e8ecf3;text-decoration:none}
.brand{font-weight:700;font-size:1.1rem;display:flex;align-items:center;gap:.4rem}
.logo{color:#8ea8ff}
.ws{font-weight:400;font-size:.85rem;color:#aab4c3;margin-left:.4rem;padding-left:.6rem;border-left:1px solid #3a4556}
.main-nav ul{display:flex;flex-wrap:wrap;gap:.15rem;margin:0;padding:0;list-style:none}
.main-nav a{display:block;padding:.35rem .55rem;border-radius:6px;font-size:.9rem}
.main-nav a:hover{background:#1f2a3d}
.main-nav a[aria-current=page]{background:#2b3a55;color:#fff}
.top-end{margin-left:auto;display:flex;align-items:center;gap:1rem}
.lang{display:flex;gap:.2rem;font-size:.85rem}
.lang a{padding:.15rem .45rem;border-radius:5px;color:#aab4c3}
.lang a[aria-current=true]{background:#2b3a55;color:#fff}
.who{display:flex;align-items:center;gap:.6rem;font-size:.9rem}
.who form{margin:0}
.role{margin-left:.35rem;font-size:.75rem;padding:.05rem .4rem;border-radius:999px;background:#2b3a55;color:#cdd6e4}
button.link{background:none;border:0;color:#e8ecf3;padding:0;font:inherit;cursor:pointer;text-decoration:underline}
main{max-width:1100px;margin:0 auto;padding:1.5rem;overflow-wrap:break-word}
main.wide{max-width:1400px}
main:focus{outline:none}
h1{font-size:1.6rem;margin:.2rem 0 1rem}
h2{font-size:1.15rem;margin:0 0 .75rem}
h3{font-size:1rem;margin:1rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1.1rem 1.25rem;box-shadow:var(--shadow);margin-bottom:1.25rem;min-width:0}
.grid{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fit,minmax(min(320px,100%),1fr))}
.grid>*{min-width:0}
.grid>.card{margin-bottom:0}
.grid.two{grid-template-columns:repeat(auto-fit,minmax(min(420px,100%),1fr))}
.grid>.full{grid-column:1/-1}
/* Where only two chart columns fit, the third chart card spans the row instead of leaving a hole beside it. */
@media (max-width:1347px){.grid.charts>.card:last-child{grid-column:1/-1}}
/* Two columns at most on a wide screen: for cards holding tables, which a third of the width cuts off. */
.grid.pairs{grid-template-columns:repeat(auto-fit,minmax(min(600px,100%),1fr))}
.grid.spaced{margin-top:1.25rem;align-items:start}
.narrow{max-width:440px;margin:2rem auto}
.muted{color:var(--muted)}
.small{font-size:.85rem}
.notice{background:#e8f5ee;border:1px solid #b6e0c8;color:#14532d;padding:.6rem .9rem;border-radius:8px}
.error-summary{background:#fdecec;border:1px solid #f5b5b5;color:#7f1d1d;padding:.6rem .9rem;border-radius:8px;margin-bottom:1rem}
.error-summary ul{margin:.3rem 0 0;padding-left:1.2rem}
.secret{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:1.05rem;background:#101828;color:#e8ecf3;padding:.6rem .8rem;border-radius:8px;word-break:break-all;display:block}
.code-big{font-size:2.2rem;letter-spacing:.15em;text-align:center}
form{margin:0}
.field{display:flex;flex-direction:column;gap:.25rem;margin-bottom:.85rem;min-width:0}
.field label{font-weight:600;font-size:.9rem}
.field.check{flex-direction:row;align-items:center;gap:.5rem}
.field.check label{font-weight:400}
.hint{margin:0;color:var(--muted);font-size:.83rem}
.field-error{margin:0;color:var(--hold);font-size:.85rem;font-weight:600}
.has-error input,.has-error select{border-color:var(--hold);background:#fff7f7}
input:not([type=checkbox]),select{min-height:2.4rem}
input,select,textarea{font:inherit;padding:.45rem .6rem;border:1px solid #c5ccd6;border-radius:7px;background:#fff;color:var(--ink);min-width:0}
input[type=checkbox]{width:1.1rem;height:1.1rem}
textarea{min-height:5rem}
.btn,button[type=submit]:not(.link){display:inline-flex;align-items:center;gap:.35rem;font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:7px;border:1px solid var(--brand);background:var(--brand);color:var(--brand-ink);cursor:pointer;text-decoration:none}
.btn.secondary,button.secondary,button[type=submit].secondary{background:#fff;color:var(--brand)}
.btn.danger,button.danger,button[type=submit].danger{background:#fff;color:var(--hold);border-color:#e7a4a4}
button.small,.btn.small,button[type=submit].small{padding:.25rem .6rem;font-size:.85rem}
button[type=submit]:hover:not(.link){filter:brightness(.95)}
fieldset.card{min-width:0}
fieldset>legend{float:left;width:100%;padding:0;margin:0 0 .25rem}
fieldset>legend+*{clear:both}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin-top:.5rem}
.inline-form{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end}
.inline-form .field{margin-bottom:0}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.6rem;align-items:end}
.filters .field{margin-bottom:0}
/* Wide tables scroll inside their card, never the page. Shadows at an edge say more columns lie that way: the
   card-coloured covers scroll with the content (local) and hide the fixed shadows once an edge is reached.
   Positioned, so a visually hidden (absolute) header label inside stays within the scroller, not the page. */
.table-wrap{overflow-x:auto;overscroll-behavior-x:contain;position:relative;
background:linear-gradient(to right,var(--card) 40%,rgba(255,255,255,0)) left/1.5rem 100% no-repeat local,
linear-gradient(to left,var(--card) 40%,rgba(255,255,255,0)) right/1.5rem 100% no-repeat local,
radial-gradient(farthest-side at 0 50%,rgba(16,24,40,.18),transparent) left/.6rem 100% no-repeat scroll,
radial-gradient(farthest-side at 100% 50%,rgba(16,24,40,.18),transparent) right/.6rem 100% no-repeat scroll}
table{width:100%;border-collapse:collapse;font-size:.92rem}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);font-weight:600}
td.nowrap{white-space:nowrap}
caption{text-align:left;padding:.2rem 0 .4rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.overdue td{background:#fff4f4}
tr.overdue td:first-child{box-shadow:inset 3px 0 0 var(--hold)}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.8rem;font-weight:600;border:1px solid transparent;white-space:nowrap}
.tier{min-width:1.8rem;text-align:center;color:#fff}
.tier-A{background:var(--a)}.tier-B{background:var(--b)}.tier-C{background:var(--c)}
.tier-big{font-size:2rem;padding:.3rem .9rem;border-radius:12px}
.credit-good{color:var(--good);border-color:currentColor}.credit-fair{color:var(--fair);border-color:currentColor}
.credit-watch{color:var(--watch);border-color:currentColor}.credit-hold{color:#fff;background:var(--hold)}
.credit-unknown{color:var(--unknown);border-color:currentColor}
.churn-high{color:#fff;background:var(--hold)}.churn-medium{color:var(--watch);border-color:currentColor}.churn-none{color:var(--muted)}
.ka{color:#7a4b00;background:#fff1c2;border-color:#f0d37a}
.neg{color:#7f1d1d;background:#fde2e2}
.scope-bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin-bottom:.5rem}
.scope-owner{display:flex;align-items:center;gap:.5rem}
.scope-switch{display:inline-flex;border:1px solid var(--line);border-radius:8px;overflow:hidden;background:var(--card)}
.scope-switch a{padding:.3rem .9rem;text-decoration:none;color:var(--ink);font-size:.9rem}
.scope-switch a+a{border-left:1px solid var(--line)}
.scope-switch a[aria-current=true]{background:var(--brand);color:var(--brand-ink)}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:1rem;margin-bottom:1.25rem}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:.8rem 1rem;box-shadow:var(--shadow)}
.kpi b{display:block;font-size:1.5rem}
.kpi span{color:var(--muted);font-size:.85rem}
a.kpi{color:inherit;text-decoration:none}a.kpi:hover,a.kpi:focus-visible{border-color:var(--brand)}a.kpi:hover b{color:var(--brand)}
.headline{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:center}
.headline .score{font-size:1.6rem;font-weight:700}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.chart{width:100%;height:auto;display:block;max-width:min(100%,600px);margin-inline:auto}
.chart text{font-family:inherit;font-size:12px;fill:var(--ink)}
.chart .axis{stroke:#c5ccd6;stroke-width:1}
.chart .grid-line{stroke:#eef1f5;stroke-width:1}
.chart .muted-text{fill:var(--muted)}
.chart text.on-dark{fill:#fff}
.legend{display:flex;flex-wrap:wrap;gap:.8rem;font-size:.85rem;color:var(--muted);margin:.4rem 0 0;padding:0;list-style:none}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:3px;margin-right:.3rem;vertical-align:-1px}
.sw-now{background:#9aa5b4}.sw-draft{background:var(--brand)}
.empty{color:var(--muted);padding:1rem;border:1px dashed var(--line);border-radius:8px;text-align:center}
.pager{display:flex;gap:.6rem;align-items:center;justify-content:flex-end;margin-top:.8rem}
ul.details{margin:0;padding:0;list-style:none;min-width:12rem}
.details-key{color:var(--ink)}
.timeline{list-style:none;margin:0;padding:0}
.timeline li{border-left:2px solid var(--line);padding:.2rem 0 .8rem 1rem;position:relative}
.timeline li::before{content:"";position:absolute;left:-6px;top:.55rem;width:10px;height:10px;border-radius:50%;background:var(--brand)}
.suggestions{list-style:none;margin:0;padding:0}
.suggestions li{padding:.5rem .7rem;border-radius:8px;background:#f4f6fb;margin-bottom:.5rem}
.suggestions.compact li{padding:.2rem .5rem;margin-bottom:.25rem;font-size:.9rem}
form.inline{display:inline;margin:0}.nowrap{white-space:nowrap}
.p1{border-left:4px solid var(--hold)}.p2{border-left:4px solid var(--watch)}.p3{border-left:4px solid var(--brand)}
.p4,.p5{border-left:4px solid var(--c)}
fieldset.criterion{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem .7rem;margin:0 0 .75rem;background:#fbfcfe;min-width:0}
fieldset.criterion>legend{float:none;width:auto;padding:0 .3rem;margin:0}
.criterion-name{font-weight:700}
.new-criterion{border-style:dashed;background:#f7f9ff}
.sub-list{border-left:3px solid var(--line);padding-left:.75rem;margin:.25rem 0 .5rem}
.sub-list h4{margin:.2rem 0;font-size:.9rem}
.sub-list .hint{margin-bottom:.4rem}
.sub-row{align-items:flex-start}
.criterion-end{display:flex;justify-content:flex-end;flex-wrap:wrap;gap:.4rem}
.criterion-end button[type=submit]:disabled{opacity:.45;cursor:not-allowed;filter:none}
.weights-sum{font-weight:600;margin:.1rem 0 .6rem}
.weights-sum output{font-variant-numeric:tabular-nums}
.weights-sum.off{color:var(--hold)}
code.path{display:inline-block;margin-left:.4rem;font-size:.78rem;font-weight:400;color:var(--muted);background:#f1f3f7;padding:0 .3rem;border-radius:4px;word-break:break-all}
.error-summary a{color:#7f1d1d}
.error-summary code.path{margin:0 .2rem 0 0}
/* A row of fields: each field's label, control, hint and error sit on shared tracks (subgrid), so a label that wraps
   (long zh-CN or en text) never pushes its input below its neighbours'. */
.row{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));column-gap:.75rem}
/* Fields that need room (a date and time with its picker): two to a line in a half-width card, not three. */
.row.roomy{grid-template-columns:repeat(auto-fit,minmax(200px,1fr))}
.row>.field{grid-row:span 4;display:grid;grid-template-rows:subgrid;row-gap:.25rem;align-content:start;margin-bottom:.6rem}
.row>.field>label{align-self:end}
.sub-row{grid-template-columns:minmax(0,2fr) minmax(0,1fr) auto}
.row-end{grid-row:span 4;display:grid;grid-template-rows:subgrid;row-gap:.25rem}
.row-end>button{grid-row:2;align-self:center}
.moved-up{color:var(--a);font-weight:600}.moved-down{color:var(--hold);font-weight:600}
.matrix td,.matrix th{text-align:center}
.matrix td.diag{background:#f1f4fa;font-weight:600}
.matrix td.up{background:#eaf6ef}.matrix td.down{background:#fdeeee}
@media (max-width:1360px){.ws{display:none}}
/* Laptops: the customer list leaves out the columns the customer page shows anyway, so none is cut off. */
@media (max-width:1279px){.wide-only{display:none}}
@media (max-width:720px){
 .top{padding:.6rem .9rem}.top-end{margin-left:0;width:100%;justify-content:space-between}
 main{padding:1rem .8rem}.grid:is(.two,.pairs){grid-template-columns:1fr}
 th,td{padding:.4rem .35rem}
 /* Phones: columns keep readable widths and the table scrolls; the first column (the name) stays in view. */
 .table-wrap th{white-space:nowrap}
 .table-wrap td{min-width:4.5rem}
 .table-wrap :is(th,td):first-child{position:sticky;left:0;z-index:1;background:var(--card);min-width:7rem;max-width:42vw}
 .table-wrap tr.overdue td:first-child{background:#fff4f4}
}
@media print{.top,.skip,form{display:none}}
`;
