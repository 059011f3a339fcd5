"""Varied facts lines for the serve benchmarks (bench_serve.sh, bench_serve_alternate.sh), seeded.
Usage: serve_facts.py TABLE.json COUNT > facts.jsonl"""
import json, random, sys
table, count = json.load(open(sys.argv[1])), int(sys.argv[2])
regions = table["regions"]
rng = random.Random(20261202)
counts = {}
for r in regions:
    for key in {r["short"], r["pinyin"].lower()}:
        counts[key] = counts.get(key, 0) + 1
relations = ["spouse", "parent", "child", "sibling", "grandparent", "grandchild", "parent_in_law", "other"]
def ref(r):  # short names and pinyin only where they name one region
    return rng.choice([r["code"], r["code"], r["name"]] + [k for k in (r["short"], r["pinyin"].lower()) if counts.get(k) == 1])
for _ in range(count):
    facts = {"origin": ref(rng.choice(regions)), "destination": ref(rng.choice(regions)),
             "insurance_type": rng.choice(["employee", "employee", "employee", "resident"]),
             "origin_stopped": rng.random() > 0.1, "destination_enrolled": rng.random() > 0.05,
             "application_date": f"{rng.choice([2024, 2025, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
    if rng.random() < 0.5:
        facts["family_member"] = {"relation": rng.choice(relations), "region": ref(rng.choice(regions)),
                                  "insured": rng.random() > 0.2}
    print(json.dumps(facts, ensure_ascii=False))
