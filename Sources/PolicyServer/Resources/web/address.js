// The page's address as its state: the facts given, by name (booleans true|false), and the
// language, so a link fills the form and answers at once.
import { $, state } from "./words.js";

export function shareableQuery(f) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(f)) {
    if (name === "family_member") {
      if (value.relation) q.set("member_relation", value.relation);
      if (value.region) q.set("member_region", value.region);
      if (value.insured !== undefined) q.set("member_insured", String(value.insured));
    } else q.set(name, String(value));
  }
  if (state.lang === "en") q.set("lang", "en");
  return q;
}

// Fills the form from the address; true when it names enough to answer.
export function fillFromAddress() {
  const q = new URLSearchParams(location.search);
  const form = $("facts");
  let any = false;
  for (const [name, value] of q) {
    const control = form.elements[name];
    if (!control || name === "family") continue;
    control.value = value;
    any = true;
    if (name.startsWith("member_")) {
      $("family").checked = true;
      $("family-fields").hidden = false;
    }
    if (control.closest && control.closest("#more")) $("more").open = true;
  }
  return any && q.has("origin") && q.has("destination");
}
