// shouldtune serve: posts the answers as they change and shows what the
// server computed. Every piece of text from a file or a rule set reaches the
// page as text (textContent) or as HTML the server escaped.
'use strict';

const form = document.getElementById('questions');
const statusLine = document.getElementById('status');
const reportBox = document.getElementById('report');
const loadErrors = document.getElementById('load-errors');
const questions = Array.from(form.querySelectorAll('[data-question]'));
let latest = null;
let timer = null;
let sequence = 0;
// The loaded file's `cost:` and `rules:` sections, as the server wrote them: posted back so that
// they price the answers and stay in the download.
let kept = '';

// The page's words in the language `shouldtune serve` speaks (`data-t-*` on <body>); `{0}` is a file or a title.
function words(key, fallback) {
  const name = 't' + key.charAt(0).toUpperCase() + key.slice(1);
  return document.body.dataset[name] || fallback;
}

function answerOf(q) {
  const kind = q.dataset.kind;
  if (kind === 'boolean') {
    const checked = q.querySelector('input:checked');
    return checked ? checked.value === 'true' : undefined;
  }
  if (kind === 'integer') {
    const text = q.querySelector('input').value.trim();
    if (text === '') return undefined;
    return /^-?\d+$/.test(text) ? Number(text) : text;
  }
  return q.querySelector('select').value;
}

function setAnswer(q, value) {
  const kind = q.dataset.kind;
  const text = value === undefined ? q.dataset.default : String(value);
  if (kind === 'boolean') {
    for (const input of q.querySelectorAll('input')) input.checked = input.value === text;
  } else if (kind === 'integer') {
    q.querySelector('input').value = text;
  } else {
    q.querySelector('select').value = text;
  }
}

function collect() {
  const answers = {};
  for (const q of questions) {
    const value = answerOf(q);
    if (value !== undefined) answers[q.dataset.question] = value;
  }
  const planned = document.getElementById('planned').value;
  return { name: document.getElementById('name').value, planned: planned ? planned.split('+') : [], answers, kept };
}

function showFieldErrors(errors) {
  for (const q of questions) {
    q.querySelector('.error').textContent = '';
    for (const control of q.querySelectorAll('input, select')) control.removeAttribute('aria-invalid');
  }
  const general = [];
  for (const error of errors) {
    const q = error.question && document.getElementById('q-' + error.question);
    if (q) {
      q.querySelector('.error').textContent = error.message + (error.help ? ' (' + error.help + ')' : '');
      for (const control of q.querySelectorAll('input, select')) control.setAttribute('aria-invalid', 'true');
    } else {
      general.push(error.message);
    }
  }
  return general;
}

async function evaluate() {
  const mine = ++sequence;
  let response;
  let body;
  try {
    response = await fetch('/api/evaluate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(collect()),
    });
    body = await response.json();
  } catch (error) {
    if (mine === sequence) statusLine.textContent = words('unreachable', 'The server cannot be reached: is `shouldtune serve` still running?');
    return;
  }
  if (mine !== sequence) return;
  if (!response.ok) {
    const general = showFieldErrors(body.errors || []);
    statusLine.textContent = words('fixAnswers', 'Fix the highlighted answers to see the recommendation.') + ' ' + general.concat(body.error || []).join(' ');
    for (const id of ['dl-yaml', 'dl-html', 'dl-adr']) document.getElementById(id).disabled = true;
    return;
  }
  showFieldErrors([]);
  latest = body;
  const report = body.report;
  const notApplicable = new Set(report.not_applicable);
  for (const q of questions) q.hidden = notApplicable.has(q.dataset.question);
  statusLine.textContent = words('recommended', 'Recommended: {0}.').replace('{0}', report.recommendation_title) + ' ' + body.margin;
  reportBox.innerHTML = body.fragment;
  for (const id of ['dl-yaml', 'dl-html', 'dl-adr']) document.getElementById(id).disabled = false;
  document.body.dataset.recommendation = report.recommendation;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(evaluate, 150);
}

function slug(text) {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'project';
}

function download(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function loadFile(file) {
  loadErrors.textContent = '';
  const text = await file.text();
  let response;
  let body;
  try {
    response = await fetch('/api/load', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ file_name: file.name, text }),
    });
    body = await response.json();
  } catch (error) {
    loadErrors.textContent = words('unreachableShort', 'The server cannot be reached.');
    return;
  }
  if (!response.ok) {
    const list = document.createElement('ul');
    for (const error of body.errors || [{ message: body.error, line: 0, column: 0 }]) {
      const item = document.createElement('li');
      const where = error.line ? file.name + ':' + error.line + ':' + error.column + ': ' : '';
      item.textContent = where + error.message + (error.help ? ' (' + error.help + ')' : '');
      list.appendChild(item);
    }
    const title = document.createElement('p');
    title.textContent = words('cannotLoad', 'Cannot load {0}:').replace('{0}', file.name);
    loadErrors.append(title, list);
    return;
  }
  kept = body.kept || '';
  document.getElementById('name').value = body.name;
  const planned = document.getElementById('planned');
  const plan = body.planned.join('+');
  if (plan && !Array.from(planned.options).some((o) => o.value === plan)) {
    planned.add(new Option(body.planned.join(' + '), plan));
  }
  planned.value = plan;
  for (const q of questions) setAnswer(q, body.answers[q.dataset.question]);
  if (body.notes.length) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = words('loaded', 'Loaded {0}.').replace('{0}', file.name) + ' ' + body.notes.join(' ');
    loadErrors.appendChild(note);
  }
  statusLine.textContent = words('loaded', 'Loaded {0}.').replace('{0}', file.name);
  await evaluate();
}

form.addEventListener('input', schedule);
form.addEventListener('change', schedule);
form.addEventListener('submit', (event) => event.preventDefault());
document.getElementById('load').addEventListener('change', (event) => {
  const file = event.target.files[0];
  if (file) loadFile(file);
  event.target.value = '';
});
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  const file = event.dataTransfer.files[0];
  if (file) loadFile(file);
});
document.getElementById('dl-yaml').addEventListener('click', () => {
  if (latest) download(latest.descriptor, 'llm-project.yaml', 'application/yaml');
});
document.getElementById('dl-html').addEventListener('click', () => {
  if (latest) download(latest.html, slug(latest.report.name) + '-recommendation.html', 'text/html');
});
document.getElementById('dl-adr').addEventListener('click', () => {
  if (latest) download(latest.adr, slug(latest.report.name) + '-decision.md', 'text/markdown');
});
evaluate();
