// The stylesheet inlined into report.html: an official-report look (plain tables,
// CJK font stack, severity colours) that also prints cleanly on A4.
export const REPORT_CSS = `
:root{--ink:#1f2937;--muted:#6b7280;--line:#d1d5db;--soft:#f3f4f6;--head:#eef2f7;--accent:#1d4e89;
--err:#b42318;--err-bg:#fef3f2;--err-line:#fda29b;--warn:#a15c07;--warn-bg:#fffaeb;--warn-line:#fec84b;
--info:#175cd3;--info-bg:#eff8ff;--info-line:#b2ddff;--ok:#067647;--ok-bg:#ecfdf3;--ok-line:#abefc6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fafafa;font:14px/1.6 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:1200px;margin:0 auto;padding:24px 28px 48px;background:#fff;min-height:100vh;box-shadow:0 0 0 1px #eceff3}
h1{margin:0;font-size:24px;letter-spacing:.08em;text-align:center;color:#111827}
.subtitle{margin:6px 0 20px;text-align:center;color:var(--muted);font-size:13px}
h2{margin:28px 0 10px;padding-bottom:6px;border-bottom:2px solid var(--accent);font-size:17px;color:var(--accent)}
h3{margin:0;font-size:15px}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:0 3px;border-radius:3px;word-break:break-all}
.totals{display:grid;grid-template-columns:repeat(6,1fr);gap:10px;margin:0}
.totals div{border:1px solid var(--line);border-radius:6px;padding:8px 10px;text-align:center}
.totals dt{color:var(--muted);font-size:12px}
.totals dd{margin:0;font-size:22px;font-weight:600;font-variant-numeric:tabular-nums}
.totals .t-ok dd{color:var(--ok)}.totals .t-disc dd,.totals .t-warn dd{color:var(--warn)}.totals .t-failed dd,.totals .t-err dd{color:var(--err)}
.observations{list-style:none;margin:0;padding:0}
.observations li{padding:6px 10px;border-left:3px solid var(--line);background:var(--soft);margin-bottom:6px}
.observations li.sev-error{border-color:var(--err)}.observations li.sev-warning{border-color:var(--warn-line)}.observations li.sev-info{border-color:var(--info-line)}
.observations .paths{display:block;color:var(--muted);font-size:12px}
.observations .paths a{margin-right:10px}
.none{color:var(--muted)}
.tally{margin:0 0 6px;color:var(--muted)}
details.more-obs>summary{cursor:pointer;color:var(--accent);margin-bottom:6px}
.filters{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin:8px 0 10px;padding:8px 10px;background:var(--soft);border-radius:6px}
.filters label{display:flex;gap:6px;align-items:center}
.filters select,.filters button{font:inherit;padding:2px 6px;border:1px solid var(--line);border-radius:4px;background:#fff}
.filters button{cursor:pointer}
.toggle-all{margin:0 0 6px;text-align:right}
.toggle-all button{font:inherit;font-size:12px;padding:2px 10px;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--accent);cursor:pointer}
.toggle-all button:hover{background:var(--soft)}
.batch .why{margin-left:6px;font-size:12px;color:var(--err)}
.observations a,.observations span.paths span{color:var(--accent);margin-right:10px}
.filters .shown{margin-left:auto;color:var(--muted)}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:5px 8px;vertical-align:top;text-align:left}
thead th{background:var(--head);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.batch tbody tr{cursor:pointer}
.batch tbody tr:nth-child(even){background:#fbfcfd}
.batch tbody tr:hover{background:#eef4fb}
.batch td.file{word-break:break-all}
.batch td.file a{color:var(--accent);text-decoration:none}
.batch td.file a:hover{text-decoration:underline}
.batch th button{all:unset;cursor:pointer;display:inline-flex;gap:4px;align-items:center}
.batch th button::after{content:"⇅";color:#9ca3af;font-size:11px}
.batch th[aria-sort=ascending] button::after{content:"▲";color:var(--accent)}
.batch th[aria-sort=descending] button::after{content:"▼";color:var(--accent)}
.batch td.zero{color:#9ca3af}
.batch td.errors:not(.zero){color:var(--err);font-weight:600}
.batch td.warnings:not(.zero){color:var(--warn);font-weight:600}
.empty-row td{text-align:center;color:var(--muted)}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;line-height:20px;white-space:nowrap;border:1px solid}
.st-ok{color:var(--ok);background:var(--ok-bg);border-color:var(--ok-line)}
.st-discrepancies{color:var(--warn);background:var(--warn-bg);border-color:var(--warn-line)}
.st-failed{color:var(--err);background:var(--err-bg);border-color:var(--err-line)}
.badge.sev-error{color:#fff;background:var(--err);border-color:var(--err)}
.badge.sev-warning{color:var(--warn);background:var(--warn-bg);border-color:var(--warn-line)}
.badge.sev-info{color:var(--info);background:var(--info-bg);border-color:var(--info-line)}
.tag{display:inline-block;margin-left:6px;padding:0 4px;font-size:11px;border-radius:3px;background:var(--warn-bg);color:var(--warn);border:1px solid var(--warn-line)}
details.file{border:1px solid var(--line);border-radius:6px;margin:10px 0;background:#fff}
details.file>summary{list-style:none;cursor:pointer;padding:8px 12px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;background:var(--soft);border-radius:6px}
details.file>summary::-webkit-details-marker{display:none}
details.file>summary::before{content:"▸";color:var(--muted)}
details.file[open]>summary::before{content:"▾"}
details.file[open]>summary{border-bottom:1px solid var(--line);border-radius:6px 6px 0 0}
details.file>summary .path{font-weight:600;word-break:break-all}
details.file>summary .counts{margin-left:auto;color:var(--muted);font-size:12px}
details.file:target>summary,details.file.current>summary{box-shadow:inset 3px 0 0 var(--accent)}
.file-body{padding:10px 14px 14px}
.meta{margin:0 0 8px;color:var(--muted);font-size:12px}
.meta span+span::before{content:" · "}
.failure{border:1px solid var(--err-line);background:var(--err-bg);border-radius:6px;padding:8px 12px}
.failure .code{font-weight:600;color:var(--err)}
.form{border-top:1px dashed var(--line);padding-top:10px;margin-top:10px}
.form:first-of-type{border-top:0;margin-top:0;padding-top:0}
.form h3{margin-bottom:8px}
.form h3 .kind{color:var(--accent)}
.resubmission{border-left:3px solid var(--accent);padding:4px 10px;margin:0 0 10px}
.resubmission h4{margin:6px 0 2px;font-size:13px}
.resubmission ul{margin:0;padding-left:18px}
.resub-line .meta{margin-left:8px}
.form-grid{display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr);gap:16px;align-items:start}
.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left-width:4px;border-radius:4px;padding:6px 10px;margin-bottom:8px;break-inside:avoid}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn-line)}.finding.sev-info{border-left-color:var(--info-line)}
.finding .msg{margin-left:4px}
.finding .nums{display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0 0;font-size:13px}
.finding .nums div{display:flex;gap:4px}
.finding .nums dt{color:var(--muted)}
.finding .nums dd{margin:0;font-variant-numeric:tabular-nums;font-weight:600}
.finding .fields,.finding .rule{margin-top:3px;font-size:12px;color:var(--muted)}
.finding .fields span+span::before{content:"、"}
.finding .locs{margin:4px 0 0;padding-left:18px;font-size:12px}
.finding .locs q{quotes:"“" "”";color:var(--ink)}
.no-findings{color:var(--ok)}
.numbers h4{margin:0 0 4px;font-size:13px;color:var(--muted);font-weight:600}
.numbers table{font-size:12px;margin-bottom:10px}
.numbers th,.numbers td{padding:3px 6px}
.numbers tbody th{font-weight:normal;background:#fafbfc;white-space:nowrap}
.numbers td.blank{color:#c0c4cc}
.numbers td.text{max-width:16em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.numbers td.hl-error{background:var(--err-bg);outline:2px solid var(--err);outline-offset:-2px;font-weight:600}
.numbers td.hl-warning{background:var(--warn-bg);outline:2px solid var(--warn-line);outline-offset:-2px;font-weight:600}
.numbers td.hl-info{background:var(--info-bg);outline:1px solid var(--info-line);outline-offset:-1px}
details.more{margin-top:10px;font-size:12px}
details.more>summary{cursor:pointer;color:var(--accent);width:max-content}
.more-body{padding-top:6px}
.more-body h4{margin:8px 0 4px;font-size:13px;color:var(--muted);font-weight:600}
.more-body table{font-size:12px;margin-bottom:8px}
.more-body th,.more-body td{padding:3px 6px}
.more-body td.label{white-space:pre-wrap;word-break:break-word}
table.indicators.full td.label:nth-child(4){min-width:18em}
table.goals td.label{width:50%}
.group-head th{background:var(--head);text-align:left}
[hidden]{display:none!important}
footer{margin-top:32px;color:var(--muted);font-size:12px;text-align:center}
@media (max-width:820px){.totals{grid-template-columns:repeat(3,1fr)}.form-grid{grid-template-columns:1fr}main{padding:16px}}
@media print{
 body{background:#fff;font-size:11pt}
 main{box-shadow:none;max-width:none;padding:0}
 .filters,.toggle-all{display:none!important}
 .batch tbody tr{cursor:auto}
 .batch th button::after{content:""}
 thead{display:table-header-group}
 tr,.finding,.failure{break-inside:avoid}
 details.file{border:0;border-top:1px solid var(--ink);border-radius:0;break-before:auto}
 details.file>summary{background:none;padding-left:0}
 details.file>summary::before,details.file[open]>summary::before{content:none}
 .totals{grid-template-columns:repeat(6,1fr)}
 .totals dd{font-size:16pt}
 .form-grid{grid-template-columns:1fr}
 a{color:inherit;text-decoration:none}
}
`;
