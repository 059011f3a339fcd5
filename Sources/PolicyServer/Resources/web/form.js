// The form, built from the vocabulary (a new fact needs no edit here), and the facts read from it.
import { request } from "./requests.js";
import { $, el, factByName, inputFacts, label, memberFact, t, valueLabel } from "./words.js";

function questionFor(fact) {
  const box = document.createDocumentFragment();
  const l = el("label", label(fact));
  l.htmlFor = fact.name;
  l.dataset.fact = fact.name;
  box.appendChild(l);
  let control;
  if (fact.number) {
    control = el("input");
    control.type = "number";
    control.step = "1";
    control.inputMode = "numeric";
    if (fact.number.min !== undefined) control.min = fact.number.min;
    if (fact.number.max !== undefined) control.max = fact.number.max;
    control.placeholder = t().unsure;
  } else {
    control = el("select");
    fillOptions(control, fact);
  }
  control.id = control.name = fact.name;
  control.dataset.fact = fact.name;
  box.appendChild(control);
  return box;
}

// Every question has a first answer "not sure": the fact is then left out, and the answer
// either assumes its default (listed) or says it needs it.
function fillOptions(select, fact, withUnsure = true) {
  const chosen = select.value;
  select.innerHTML = "";
  const values = fact.boolean ? ["true", "false"] : fact.values;
  for (const value of (withUnsure ? [""] : []).concat(values)) {
    const option = el("option", value === "" ? t().unsure : valueLabel(fact, value));
    option.value = value;
    select.appendChild(option);
  }
  select.value = chosen;
}

export function buildForm() {
  const needed = $("needed"), more = $("more");
  for (const fact of inputFacts()) (fact.default === undefined ? needed : more).appendChild(questionFor(fact));
  // The family member: their relation and whether insured, worded as the vocabulary's derived facts.
  const fields = $("family-fields");
  for (const [field, name] of [["relation", "member_relation"], ["insured", "member_insured"]]) {
    const fact = memberFact(field);
    if (!fact) continue;
    const box = questionFor(Object.assign({}, fact, { name }));
    fields.insertBefore(box, field === "relation" ? fields.firstChild : null);
  }
}

export function relabelForm() {
  for (const l of document.querySelectorAll("label[data-fact]")) {
    const fact = factByName(l.dataset.fact) || memberFact(l.dataset.fact.replace("member_", ""));
    if (fact) l.textContent = label(fact);
  }
  for (const control of document.querySelectorAll("[data-fact]")) {
    const fact = factByName(control.dataset.fact) || memberFact(control.dataset.fact.replace("member_", ""));
    if (!fact) continue;
    if (control.tagName === "SELECT") fillOptions(control, fact);
    else if (control.type === "number") control.placeholder = t().unsure;
  }
}

// Autocomplete from /v1/regions: code, Chinese name or pinyin prefix.
export function autocomplete(inputId, listId) {
  const input = $(inputId);
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return;
    timer = setTimeout(async () => {
      try {
        const { regions } = await (await request("/v1/regions?limit=8&q=" + encodeURIComponent(q))).json();
        const list = $(listId);
        list.innerHTML = "";
        for (const r of regions) {
          const option = el("option");
          option.value = r.name;
          option.label = r.name + " " + r.pinyin + " " + r.code;
          list.appendChild(option);
        }
      } catch (_) { /* no suggestions */ }
    }, 150);
  });
}

// The facts the person gave: a question left at "not sure" is left out.
export function facts() {
  const form = $("facts");
  const f = {};
  for (const name of ["origin", "destination", "application_date"]) {
    const v = form.elements[name].value.trim();
    if (v) f[name] = v;
  }
  for (const fact of inputFacts()) {
    const v = form.elements[fact.name].value;
    if (v === "") continue;
    f[fact.name] = fact.boolean ? v === "true" : fact.number ? Number(v) : v;
  }
  if ($("family").checked) {
    const member = {};
    const relation = form.elements.member_relation && form.elements.member_relation.value;
    if (relation) member.relation = relation;
    const region = form.elements.member_region.value.trim();
    if (region) member.region = region;
    const insured = form.elements.member_insured && form.elements.member_insured.value;
    if (insured) member.insured = insured === "true";
    f.family_member = member;
  }
  return f;
}
