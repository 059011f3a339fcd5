// The answer in words: the headline, the assumptions, the steps with dates, each part as a card
// with its why behind a control, and the sources with publisher and date.
import { request } from "./requests.js";
import {
  $, aside, colon, dated, duration, el, factByName, factLabel, inputFacts, label, state, t, valueLabel,
} from "./words.js";

// A part's object in the full answer: top level, or inside its group; a grouped part with one
// output is written flat there (its value under the part's name, the rest under NAME_basis).
function partObject(answer, part, decision) {
  const group = state.vocabulary.answer.groups.find((g) => g.parts.includes(part));
  const holder = group ? answer[group.name] : answer;
  if (!holder) return null;
  const value = holder[part];
  if (value && typeof value === "object" && "missing_facts" in value) return value;
  if (holder[part + "_basis"]) return Object.assign({}, holder[part + "_basis"], { [decision.outputs[0].name]: value });
  return value === undefined ? null : value;
}

function partLabel(part, decision) {
  const l = state.vocabulary.answer.labels.find((x) => x.name === part);
  return l ? label(l.label) : label(decision);
}

// What one output says, in words: its value label, yes/no, a duration, a reason.
function outputText(output, value, object) {
  if (output.type === "text") return state.lang === "en" ? object[output.name + "_en"] || value : value;
  if (value === null || value === undefined) return null;
  if (output.type === "tristate") return label(output) + colon() + (value ? t().yes : t().no);
  if (output.type === "duration") return duration(value);
  if (output.type === "count") return t().workingDays(value);
  const i = (output.values || []).indexOf(value);
  return output.labels && i >= 0 ? label(output.labels[i]) : String(value);
}

function confidenceLine(level) {
  const words = t().levels[level];
  if (!words) return null;
  const p = el("p", null, "confidence " + level);
  p.appendChild(el("strong", t().confidence + colon() + words[0]));
  p.appendChild(document.createTextNode(state.lang === "zh" ? "。" + words[1] : ". " + words[1]));
  return p;
}

function sourceItem(id, s) {
  const li = el("li");
  if (s.url) {
    const a = el("a", s.title);
    a.href = s.url;
    a.rel = "noopener noreferrer";
    li.appendChild(a);
  } else li.appendChild(el("span", s.title + " " + t().noLink));
  const about = [s.publisher && t().publisher + colon() + s.publisher, s.date && t().published + colon() + s.date]
    .filter(Boolean).join(" · ");
  const level = t().levels[s.confidence];
  li.appendChild(el("span", [about, level && level[0]].filter(Boolean).join(" · "), "meta"));
  li.appendChild(el("span", id, "source-id"));
  return li;
}

// The why: rule, region note, rules checked, facts still needed and sources, behind a control.
function whyDetails(object, sources) {
  const details = el("details", null, "why");
  details.appendChild(el("summary", t().why));
  const by = object.decided_by;
  if (by) {
    details.appendChild(el("p", t().rule + colon() + by.rule + aside(by.region_name)));
    if (by.note) details.appendChild(el("p", label(by.note)));
  }
  if (object.checked_rules && object.checked_rules.length)
    details.appendChild(el("p", t().checked + colon() + object.checked_rules.join(", ")));
  if (object.missing_facts && object.missing_facts.length)
    details.appendChild(el("p", t().missingFacts + colon() + object.missing_facts.map(factLabel).join("、")));
  const list = el("ul", null, "sources");
  for (const id of object.sources || []) if (sources[id]) list.appendChild(sourceItem(id, sources[id]));
  if (list.children.length) details.appendChild(list);
  return details;
}

function card(title, object, lines, sources, heading = "h3") {
  const section = el("section", null, "card");
  section.appendChild(el(heading, title));
  for (const line of lines) if (line) section.appendChild(typeof line === "string" ? el("p", line) : line);
  if (object && object.note) section.appendChild(el("p", label(object.note), "note"));
  if (object && object.confidence) section.appendChild(confidenceLine(object.confidence));
  if (object) section.appendChild(whyDetails(object, sources));
  return section;
}

// The parts in the vocabulary's order, then each decision that is no published part.
function parts() {
  const list = state.vocabulary.answer.parts.map((p) => ({ part: p.name, decision: p.decision }));
  for (const d of state.vocabulary.decisions) if (!state.vocabulary.answer.parts.some((p) => p.decision === d.name)) list.push({ part: d.name, decision: d.name });
  return list.map((p) => Object.assign(p, { spec: state.vocabulary.decisions.find((d) => d.name === p.decision) }));
}

const eligibleDecision = () => state.vocabulary.answer.eligible && state.vocabulary.answer.eligible.decision;
const eligiblePart = () => (state.vocabulary.answer.parts.find((p) => p.decision === eligibleDecision()) || {}).name;

export function renderAnswer(answer, sources) {
  const box = $("answer");
  box.innerHTML = "";
  const summary = el("section", null, "card summary");
  summary.appendChild(el("h3", t().moving + colon() + answer.origin.name + " → " + answer.destination.name));
  summary.appendChild(el("p", t().date + colon() + dated(answer.application_date)));
  const transfer = answer[eligiblePart()];
  const scopeFact = factByName("scope");
  if (transfer && transfer.scope && scopeFact) summary.appendChild(el("p", t().scope + colon() + valueLabel(scopeFact, transfer.scope)));
  box.appendChild(summary);
  const groupsShown = {};
  for (const { part, decision, spec } of parts()) {
    const object = partObject(answer, part, spec);
    if (object === null || object === undefined) continue;
    const lines = [];
    if (decision === eligibleDecision()) lines.push($("headline").textContent);
    if (decision === eligibleDecision() && object.blockers && object.blockers.length) {
      lines.push(t().reasons);
      const ul = el("ul");
      for (const b of object.blockers) ul.appendChild(el("li", state.lang === "en" ? b.message_en : b.message));
      lines.push(ul);
    } else if (decision !== eligibleDecision()) {
      for (const output of spec.outputs) {
        const field = (state.vocabulary.answer.fields.find((f) => f.decision === decision && f.output === output.name) || {}).name;
        const value = field && field in object ? object[field] : object[output.name];
        lines.push(outputText(output, value, object));
      }
      if (object.due) lines.push(`${t().by} ${dated(object.due)}${object.due_provisional ? t().provisional : ""}`);
      if (lines.every((l) => !l) && !object.note) lines.push(t().undetermined);
    }
    const group = state.vocabulary.answer.groups.find((g) => g.parts.includes(part));
    let target = box;
    if (group) {
      if (!groupsShown[group.name]) {
        const g = el("section", null, "group");
        g.appendChild(el("h3", partLabel(group.name, {}), "group-title"));
        box.appendChild(g);
        groupsShown[group.name] = g;
      }
      target = groupsShown[group.name];
    }
    target.appendChild(card(partLabel(part, spec), object, lines, sources, group ? "h4" : "h3"));
  }
}

// Headline from the answer's data: decided, blocked, not a transfer at all (every blocker is one
// the vocabulary's voids name: nothing moves), still needing facts, or no rule in this library.
export function renderHeadline(answer) {
  const transfer = answer[eligiblePart()] || {};
  const headline = $("headline"), detail = $("headline-detail");
  detail.innerHTML = "";
  const voiding = state.vocabulary.answer.voids.filter((v) => v.when.decision === eligibleDecision() && v.when.value);
  let text, cls;
  const blockers = transfer.blockers || [];
  if (transfer.eligible === true) { text = t().can; cls = "yes"; }
  else if (transfer.eligible === false && blockers.length && blockers.every((b) => voiding.some((v) => v.when.value === b.code))) {
    text = t().notNeeded; cls = "info";
    for (const b of blockers) detail.appendChild(el("p", state.lang === "en" ? b.message_en : b.message));
  } else if (transfer.eligible === false) {
    text = t().cannot; cls = "no";
    for (const b of blockers) detail.appendChild(el("p", state.lang === "en" ? b.message_en : b.message));
    if (transfer.note) detail.appendChild(el("p", label(transfer.note)));
  } else if ((transfer.missing_facts || []).length) {
    text = t().needMore; cls = "unsure";
    const ul = el("ul");
    for (const name of transfer.missing_facts) ul.appendChild(changeItem(factLabel(name), name, t().answer));
    detail.appendChild(ul);
  } else {
    text = t().notRecorded; cls = "unknown";
    if (transfer.note) detail.appendChild(el("p", label(transfer.note)));
  }
  headline.textContent = text;
  $("headline-box").className = cls;
}

// A line naming a question with a button that takes the person to it.
function changeItem(text, name, action) {
  const li = el("li", text + " ");
  const button = el("button", action, "link");
  button.type = "button";
  button.addEventListener("click", () => {
    const control = $(name);
    if (!control) return;
    if (control.closest("#more")) $("more").open = true;
    control.focus();
  });
  li.appendChild(button);
  return li;
}

// Every default the answer assumed: each question left at "not sure" that has one.
export function renderAssumptions(f, answer) {
  const list = $("assumption-list");
  list.innerHTML = "";
  if (!f.application_date) list.appendChild(changeItem(t().noDate + aside(dated(answer.application_date)), "application_date", t().change));
  for (const fact of inputFacts()) {
    if (fact.default === undefined || fact.name in f) continue;
    list.appendChild(changeItem(t().unanswered(label(fact), valueLabel(fact, fact.default)), fact.name, t().change));
  }
  $("assumptions").hidden = !list.children.length;
}

// What to do, when: apply on the application date, then each step by its due date.
export function renderSteps(answer) {
  const list = $("step-list");
  list.innerHTML = "";
  const transfer = answer[eligiblePart()] || {};
  const steps = state.vocabulary.answer.steps.map((d) => parts().find((p) => p.decision === d)).filter(Boolean);
  const dues = steps.map((s) => ({ s, object: partObject(answer, s.part, s.spec) })).filter((x) => x.object && x.object.due);
  if (transfer.eligible === false || !dues.length) { $("steps").hidden = true; return; }
  list.appendChild(el("li", t().apply + colon() + dated(answer.application_date)));
  for (const { s, object } of dues)
    list.appendChild(el("li", partLabel(s.part, s.spec) + colon() + t().by + " " + dated(object.due) + (object.due_provisional ? t().provisional : "")));
  // The money's arrival: the answer gives a duration, not a date, and the sources count it from
  // different moments (南京 and 泉州: after the transfer out), so it is said as a duration alone.
  const arrival = parts().find((p) => p.spec.outputs.length === 1 && p.spec.outputs[0].type === "duration" && state.vocabulary.answer.groups.some((g) => g.parts.includes(p.part)));
  const object = arrival && partObject(answer, arrival.part, arrival.spec);
  const words = object && duration(object[arrival.spec.outputs[0].name]);
  if (words) {
    list.appendChild(el("li", partLabel(arrival.part, arrival.spec) + colon() + t().arrival(words)));
  }
  $("steps").hidden = false;
}

// Publisher and date of each source cited, from /v1/sources/{id}; the answer gives title and url.
const sourceCache = {};
export async function sourceDetails(answer) {
  const all = {};
  await Promise.all(Object.entries(answer.sources || {}).map(async ([id, s]) => {
    const key = answer.table + " " + id;
    if (!sourceCache[key]) {
      try { sourceCache[key] = await (await request("/v1/sources/" + encodeURIComponent(id))).json(); }
      catch (_) { sourceCache[key] = {}; }
    }
    all[id] = Object.assign({}, s, sourceCache[key]);
  }));
  return all;
}

export function renderSources(sources) {
  const list = $("source-list");
  list.innerHTML = "";
  // The strongest first: official documents, then state media, third-party pages, web articles.
  const rank = (id) => Object.keys(t().levels).indexOf(sources[id].confidence);
  const ids = Object.keys(sources).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  for (const id of ids) list.appendChild(sourceItem(id, sources[id]));
  $("sources").hidden = !list.children.length;
}

