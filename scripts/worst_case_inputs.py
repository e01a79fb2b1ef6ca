"""The slowest input shapes found for shouldtune, each just under the default
1 MiB file limit: descriptors (d-*.yaml, run as `evaluate FILE`) and rule
overlays (r-*.yaml, run as `evaluate examples/llm-project.yaml --rules FILE`).

    python3 scripts/worst_case_inputs.py DIR

Used by `scripts/bench.sh WORKDIR worst`; figures in docs/performance.md.
"""
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
MAX = 1024 * 1024 - 4096  # just under the 1 MiB default limit

def fill(head, line_of, tail=""):
    parts = [head]; size = len(head) + len(tail); i = 0
    while True:
        line = line_of(i)
        if size + len(line) > MAX: break
        parts.append(line); size += len(line); i += 1
    parts.append(tail)
    return "".join(parts)

def put(name, text):
    with open(os.path.join(out, name), "w") as f: f.write(text)

# Descriptors.
put("d-many-keys.yaml", fill("name: x\nanswers:\n", lambda i: f"  k{i}: 1\n"))
put("d-float-keys.yaml", fill("name: x\n", lambda i: f"{i}.5: 0\n"))
put("d-collection-keys.yaml", fill("name: x\n", lambda i: f"? [{i}, {{k: {i}}}]\n: 0\n"))
put("d-deep.yaml", fill("name: x\nextra:\n", lambda i: "  - " + "[" * 21 + str(i) + "]" * 21 + "\n"))
put("d-long-scalar.yaml", "name: x\ndescription: \"" + "a" * (MAX - 200) + "\"\nanswers:\n  task_type: qa\n")
put("d-aliases.yaml", fill("name: x\nextra:\n  base: &a {k: [1, 2, 3, 4, 5, 6, 7, 8]}\n  refs:\n", lambda i: "    - *a\n"))
put("d-flow-map.yaml", fill("name: x\nextra: {", lambda i: f"k{i}: [a, b], ", "z: 0}\n"))
# Rule files (overlays on the default rules), evaluated against the example
# descriptor. Conditions are capped at 4096 bytes: 120 terms come close.
terms = lambda n, base: " or ".join(f"examples_available == {base + t}" for t in range(n))
rule = lambda i, when: f"  - {{ id: r{i}, title: T, when: \"{when}\", effects: {{ rag: 1 }}, because: x, source: y }}\n"
put("r-many-rules-long-conditions.yaml", fill("extends: default\nrules:\n", lambda i: rule(i, terms(120, 20000 + i * 1000))))
put("r-short-rules.yaml", fill("extends: default\nrules:\n", lambda i: rule(i, f"examples_available > {i} and not latency_sensitive")))
deep = "(" * 30 + "examples_available > 1" + ")" * 30
put("r-nested-conditions.yaml", fill("extends: default\nrules:\n", lambda i: rule(i, f"{deep} and {deep} or deadline_weeks == {i}")))
put("r-many-questions.yaml", fill("extends: default\nquestions:\n", lambda i: f"  - {{ id: q{i}, text: Q{i}?, type: boolean, default: false }}\n"))
put("r-choice-questions-and-rules.yaml", fill("extends: default\nquestions:\n  - { id: pick, text: Pick?, type: choice, values: [" + ", ".join(f"v{i}" for i in range(200)) + "], default: v0 }\nrules:\n", lambda i: rule(i, f"pick == 'v{i % 200}' and examples_available > {i}")))
