/** The desk's style sheet, inline in the page. Below 720 px the board's columns stack and the calendar lists its days. */
export const deskStyle = `
:root{color-scheme:light;--ink:#1f2328;--muted:#6e7781;--line:#e5e7eb;--bad:#c62828;--good:#0b7a3b;--brand:#3a6b4c}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:15px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:1240px;margin:0 auto;padding:28px 20px 48px}
header h1{margin:0;font-size:24px}
header p{margin:4px 0 0;color:var(--muted)}
nav{display:flex;flex-wrap:wrap;gap:6px 14px;margin-top:8px}
a{color:#0b6b3a}
.account{margin-top:28px}
h2{margin:0 0 12px;font-size:20px;overflow-wrap:anywhere}
h2 small,h3 small{margin-left:6px;font-size:13px;font-weight:normal;color:var(--muted)}
h3{margin:18px 0 8px;font-size:16px}
h4{margin:0 0 8px;font-size:14px}
ul,ol{list-style:none;margin:0;padding:0}
.problems{margin-top:10px;padding:8px 12px;background:#fff6f6;border-left:4px solid var(--bad);font-size:13px;overflow-wrap:anywhere}
.kpis,.board,.calendar{background:#fff;border:1px solid var(--line);border-radius:10px;padding:2px 14px 14px;margin-top:14px;min-width:0}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
.tile{display:flex;flex-direction:column;gap:2px;padding:10px 12px;border:1px solid var(--line);border-radius:8px;border-top:4px solid #cfd4da}
.tile.met{border-top-color:var(--good)}
.tile.unmet{border-top-color:var(--bad)}
.tile .label{font-size:13px;color:var(--muted)}
.tile .value{font-size:22px;line-height:1.3}
.tile .target,.tile .note{font-size:12px;color:var(--muted)}
.tile.met .verdict{color:var(--good)}
.tile.unmet .verdict{color:var(--bad)}
.reports{display:flex;flex-wrap:wrap;gap:6px 16px}
.columns{display:grid;grid-template-columns:repeat(var(--columns),minmax(170px,1fr));gap:10px;overflow-x:auto;padding-bottom:4px}
.column{min-width:0;background:#f6f7f9;border-radius:8px;padding:8px}
.column h4 .n{display:inline-block;min-width:20px;padding:0 6px;border-radius:999px;background:#fff;color:var(--muted);font-weight:normal;text-align:center}
.s-review h4{color:#9a5b00}.s-approved h4{color:#0958d9}.s-scheduled h4{color:#6b3fd1}.s-published h4{color:var(--good)}.s-archived h4{color:#888}
.card{display:grid;grid-template-columns:56px minmax(0,1fr);gap:8px;padding:8px;margin-top:8px;background:#fff;border:1px solid var(--line);border-radius:8px}
.card:first-child{margin-top:0}
.thumb{display:block;width:56px;height:56px;border-radius:6px;overflow:hidden;background:#eef0f3}
.thumb img{display:block;width:56px;height:56px;object-fit:cover}
.no-cover{display:flex;width:56px;height:56px;align-items:center;justify-content:center;font-size:12px;color:var(--muted)}
.body{min-width:0}
.title{display:block;font-weight:600;color:var(--ink);text-decoration:none;overflow-wrap:anywhere;font-size:14px}
a.title:hover{color:#07c160}
.meta{display:flex;flex-wrap:wrap;gap:4px 8px;margin-top:2px;font-size:12px;color:var(--muted)}
.checks{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px;font-size:12px}
.lint{padding:0 6px;border-radius:6px;white-space:nowrap}
.clean{color:var(--good);background:#e7f7ee}
.errors{color:#fff;background:var(--bad)}
.warnings{color:#7a4d00;background:#fff1c2}
.none{color:var(--muted);background:#f0f0f0}
.empty{margin:4px 0;font-size:13px;color:var(--muted)}
.failures{margin-bottom:10px}
.failed{padding:8px 12px;margin-top:6px;background:#fff6f6;border-left:4px solid var(--bad);border-radius:6px}
.status{padding:0 8px;border-radius:999px;font-size:12px;line-height:20px;background:#eef0f3;color:#444}
.s-failed{background:var(--bad);color:#fff}
.error{margin:4px 0 0;font-size:13px;overflow-wrap:anywhere}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;color:#57606a;overflow-wrap:anywhere}
.rule{color:var(--muted)}
.month{margin-top:8px}
summary{cursor:pointer;padding:6px 0}
.counts{font-size:13px;color:var(--muted)}
.now{padding:0 6px;border-radius:999px;background:var(--brand);color:#fff;font-size:12px;font-weight:normal}
.grid{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));border-top:1px solid var(--line);border-left:1px solid var(--line)}
.grid>li{min-width:0;border-right:1px solid var(--line);border-bottom:1px solid var(--line);padding:4px}
.head{text-align:center;font-size:12px;color:var(--muted);background:#f6f7f9}
.day{min-height:88px}
.day.out{background:#fafafa;color:#b0b6bd}
.day.today{background:#f2faf5;box-shadow:inset 0 0 0 2px var(--brand)}
.d{display:block;font-size:12px;color:var(--muted)}
.md,.wd{display:none}
.mark{display:block;margin-top:3px;padding:2px 4px;border-radius:4px;font-size:12px;line-height:1.35;overflow-wrap:anywhere}
.mark time{font-variant-numeric:tabular-nums;color:var(--muted)}
.mark .t{color:var(--ink);text-decoration:none}
.mark a.t:hover{text-decoration:underline}
.mark .tags{display:block;color:var(--muted);font-size:11px}
.k-published{background:#e7f7ee;border-left:3px solid var(--good)}
.k-planned{background:#fff;border:1px dashed #9aa4ae}
.k-missed{background:#fff1f1;border-left:3px solid var(--bad)}
.k-missed .tags{color:var(--bad)}
.unplanned{outline:1px dotted #c0873f}
.legend{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;margin:10px 0 0;font-size:12px}
.legend .mark{display:inline-block;margin:0}
.bad{color:var(--bad)}
.muted{color:var(--muted)}
@media (max-width:720px){
  main{padding:18px 12px 32px}
  .kpis,.board,.calendar{padding:2px 10px 10px}
  .tiles{grid-template-columns:repeat(2,minmax(0,1fr))}
  .columns{grid-template-columns:minmax(0,1fr);overflow-x:visible}
  .grid{display:block;border:0}
  .grid>li{border:0;border-top:1px solid var(--line);padding:6px 0}
  .head,.day.blank:not(.today),.day.out{display:none}
  .day{min-height:0;display:grid;grid-template-columns:76px minmax(0,1fr);gap:8px}
  .day.today{box-shadow:none;border-left:3px solid var(--brand);padding-left:6px}
  .md,.wd{display:inline}
  .dd{display:none}
  .d{font-size:13px;color:var(--ink)}
  .day ul{min-width:0}
}
`.trim();
