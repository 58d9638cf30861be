/**
 * A self-contained API docs page: it fetches /openapi.json and lists every operation, so it works
 * with no internet access (no CDN, no external fonts).
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Soundtrack API</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2rem;border-bottom:1px solid #ccc} code,pre{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}
pre{padding:.6rem;overflow:auto;max-height:20rem} .m{font-weight:bold;text-transform:uppercase;margin-right:.5rem}
</style></head><body>
<h1>Soundtrack recommendation API</h1>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Try:
<pre>curl -s localhost:8080/v1/suggestions -H 'content-type: application/json' \\
  -d '{"year":1965,"country":"SU","description":"Жёны космонавтов ждут мужей дома"}'</pre></p>
<div id="ops">Loading…</div>
<script>
fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  const out=document.getElementById('ops'); out.textContent='';
  for (const [path,ops] of Object.entries(doc.paths)) for (const [method,op] of Object.entries(ops)) {
    const h=document.createElement('h2'); const m=document.createElement('span'); m.className='m'; m.textContent=method;
    const c=document.createElement('code'); c.textContent=path; h.append(m,c); out.append(h);
    const p=document.createElement('p'); p.textContent=op.summary||''; out.append(p);
    const body=op.requestBody&&op.requestBody.content['application/json'].schema;
    if (body) { const pre=document.createElement('pre'); const name=body.$ref?body.$ref.split('/').pop():null;
      pre.textContent='Body: '+JSON.stringify(name?doc.components.schemas[name]:body,null,2); out.append(pre); }
  }
});
</script></body></html>`;
