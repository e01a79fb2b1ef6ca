# shouldtune's messages in English. Every message here has a Japanese
# counterpart in ../ja/shouldtune.ftl (a test fails otherwise).
# Arguments are inserted as given: renderers escape them for their format.

## evaluate: table and Markdown
report-heading = shouldtune: { $name }
recommendation = Recommendation: { $approach }
recommendation-label = Recommendation:
together-with = , together with { $list }
col-approach = approach
col-score = score
col-status = status
status-vetoed-by = vetoed by { $rule }
status-recommended = recommended
status-keep-alongside = keep alongside
effect-vetoed = { $approach } vetoed
heading-why = Why
no-rule-fired = No rule fired; the simplest approach is the starting point.
heading-keep-alongside = Keep alongside
rule-id = rule { $rule }
rule-source = rule { $rule }, source:
source-and = and
source-label = Source:
heading-assumed = Assumed
assumed-lead = Not answered, so the conservative default was used:
not-applicable = Not applicable to this project: { $list }
overlay-in-force = Rule overlay in force: { $summary }
overlay-in-force-label = Rule overlay in force:
heading-what-if = What would change the answer
no-what-if = No single answer would change the recommendation.
what-if = If { $answer } were { $to } (now { $from }), { $title } would be recommended.
what-if-truncated = The search for answers that would change the recommendation was cut short (the rule set is very large); other changes may exist.
heading-cost = Cost
heading-next-steps = Next steps
heading-plan = Plan
plan-label = Plan:
planned-label = Planned:
plan-none = none given
plan-agrees = The plan agrees with the recommendation.
because-label = because:
help-label = help:
source-line-label = source:

## The confidence line under the scores
all-others-vetoed = Every other approach is ruled out.
margin-ahead = Margin: { $margin } { $margin ->
    [one] point
   *[other] points
} ahead of { $runner_up }.
close-call-tied = Close call: tied with { $runner_up }; the simpler approach is recommended.
close-call-ahead = Close call: { $margin } { $margin ->
    [one] point
   *[other] points
} ahead of { $runner_up }.
close-call-tip = { $lead } One answer would tip it: if { $answer } were { $to } (now { $from }), { $title } would be recommended.
close-call-cut-short = { $lead } The search for a deciding answer was cut short.
close-call-no-tip = { $lead } No single answer would change the recommendation.

## HTML report
html-title = { $name } - shouldtune recommendation
html-kicker = shouldtune recommendation
html-footer = Scored by shouldtune against published guidance; each reason names its source.
heading-recommendation = Recommendation
heading-scores = Scores
heading-answers = Answers
heading-ruled-out = Ruled out
col-question = Question
col-answer = Answer
col-from = From
from-given = given
from-assumed = assumed (default)
from-not-applicable = not applicable
from-derived = derived (cost model)
status-ruled-out-by = ruled out by { $rule }
effect-ruled-out = { $approach } ruled out
html-rule-source = Rule { $rule } · Source:
vetoed-by-rule = { $approach } by rule { $rule }: { $reason }
planned-none-sentence = Planned: none given.
chart-label = Monthly cost of each approach against monthly requests

## Diagnostic codes: the summary of each, and how to fix it (`.help`)
code-io-error = a file could not be read
    .help = Check that the path exists, is a regular file and is readable.
code-file-too-large = a file is larger than the size limit
    .help = Descriptors and rule files are a few kilobytes; raise `--max-file-size` if the file is legitimate.
code-yaml-syntax = a file is not valid YAML, or breaks a parsing limit
    .help = Fix the YAML at the position shown; anchors, aliases and nesting are limited to keep parsing safe.
code-empty-document = a file holds no YAML document
    .help = Write a mapping with at least `name:`; see `examples/llm-project.yaml`.
code-unknown-key = a mapping has a key that is not allowed there
    .help = Remove the key or correct its spelling; the message suggests the closest allowed key.
code-missing-key = a required key is missing
    .help = Add the key named in the message.
code-wrong-type = a value has the wrong type
    .help = Write a value of the type named in the message (`true`/`false`, a whole number, or one of the listed values).
code-out-of-range = a number is outside the allowed range
    .help = Use a number inside the range given in the message.
code-unknown-choice = a value is not one of the allowed choices
    .help = Use one of the values listed in the message.
code-derived-answer = an answer is given for a fact the rules derive
    .help = Remove the answer: the fact is computed from the cost model and the other answers.
code-unknown-question = an answer names a question the rule set does not have
    .help = Use a question id of the rule set (`shouldtune schema descriptor` lists them); the message suggests the closest one.
code-duplicate-id = an identifier is defined twice
    .help = Rename or remove one of the two definitions.
code-unknown-approach = a name is not one of the rule set's approaches
    .help = Use one of the rule set's approach ids, such as `prompt_engineering`, `rag` or `fine_tuning`.
code-incomplete-descriptor = the descriptor was saved by an interrupted questionnaire
    .help = Finish it with `shouldtune ask --save FILE`, which resumes at the first unanswered question.
code-too-many-problems = a file has more problems than are shown
    .help = Fix the problems shown and run again; at most 50 are reported per file.
code-nothing-to-change = an overlay disables or overrides a rule, question or approach no earlier file defines
    .help = Use the id of a rule, question or approach of the rule set the overlay extends (`shouldtune rules show` lists them); the message suggests the closest one.
code-invalid-cost = a cost section or price table combines settings that do not go together
    .help = Give one of the alternatives the message names; docs/costs.md lists each billing shape's settings.
code-outside-repository = a file a descriptor names, or reaches through a link, lies outside the repository
    .help = Keep descriptors and the rule files they name inside the repository that holds them.
code-ignored-descriptors = descriptors were not checked because `.gitignore` or `.ignore` files hide them
    .help = Check them with `--no-ignore`, or stop ignoring them if they are real projects.
code-missing-translation = a rule-set text has no translation in a locale the rule set declares
    .help = Add the translation to the locale's table (`translations:` in the rule file, or the rule set's locale file), or remove the locale from `locales:`.
code-invalid-rule = a rule, question or approach is not well formed
    .help = Follow the rule-file format described in the README.
code-expr-syntax = a condition is not valid syntax
    .help = Fix the condition at the column shown; conditions use `and`, `or`, `not`, comparisons and `in [...]`.
code-expr-unknown-question = a condition names a question that does not exist
    .help = Use an id from the rule set's `questions`.
code-expr-unknown-value = a condition uses a choice value the question does not have
    .help = Use one of the question's declared `values`.
code-expr-type-mismatch = a condition combines values of incompatible types
    .help = Compare numbers with numbers, booleans with `==`/`!=`, and choices with their values.
code-unknown-source = a rule cites a source id that is not in the source catalogue
    .help = Use an id from the rule files' `sources:` (the message suggests the closest one), or add the source to the catalogue.
code-condition-order = a question's condition reads itself or a later question
    .help = Move the question after the questions its condition reads, or change the condition.
code-rule-never-fires = a rule's condition can never hold, given the questions' types and conditions
    .help = Fix the condition (a threshold outside the question's range, contradictory clauses, a question that is never asked) or remove the rule.
code-question-unread = no rule reads a question, so its answer changes nothing
    .help = Use the question in a rule's `when`, or remove it.
code-approach-unscored = no rule can change an approach's score
    .help = Add a rule with an effect on the approach, or remove it.
code-approaches-always-tied = the rules' effects leave every approach tied for every answer set
    .help = Give some rule different weights for different approaches.
code-source-not-in-catalogue = a rule cites free text although the rule set has a source catalogue
    .help = Add the source to `sources:` with its title, publisher, URL, date and what it says, and cite it by id.
code-plan-contradicts-recommendation = the planned approach is not the one the rules recommend
    .help = Change `planned_approach` to include the recommendation, or revisit the answers that led to it.
code-plan-missing-combination = the plan leaves out an approach to combine with the recommendation
    .help = Add the approach to `planned_approach` as a list, e.g. `[fine_tuning, rag]`.
code-plan-vetoed = the planned approach is ruled out by a rule
    .help = Remove the vetoed approach from `planned_approach`, or change what makes it infeasible (e.g. collect more examples).
code-fine-tuning-without-baseline = fine-tuning is planned without a measured baseline
    .help = Build and measure a prompt-engineering or RAG baseline first, then set `baseline_exists: true`.
code-answer-assumed = questions were left unanswered and their defaults assumed
    .help = Answer every question under `answers:`, or run with `--allow-defaults`.
code-unknown-id = a name is not a rule id, source id or diagnostic code
    .help = Use a rule id (`shouldtune rules show` lists them), a source id or a diagnostic code; the message lists the closest ones.
code-no-plan = the descriptor names no planned approach
    .help = Add `planned_approach:` so the check can compare the plan with the recommendation.
code-overlay-in-force = a rule overlay named by the descriptor is in force
    .help = Review what the overlay disables, overrides and adds; `check --no-overlays` refuses descriptor-named overlays.
code-overlay-refused = the descriptor names a rule overlay and `--no-overlays` is set
    .help = Remove `rules:` from the descriptor, or run without `--no-overlays` to allow its overlays.
code-no-descriptor = no descriptor was found under the paths checked
    .help = Name descriptors `llm-project.yaml`, `llm-project.yml` or `*.llm-project.yaml`, or pass their paths; `shouldtune init` writes one.

## Diagnostics: headings
severity-error = error
severity-warning = warning
severity-note = note

## Diagnostics: reading files
read-failed = cannot read `{ $name }`: { $reason }
io-not-found = no such file
io-permission-denied = permission denied
io-other = { $error }
read-pseudo-fs = cannot read `{ $name }`: it is on a pseudo file system ({ $kind }); expected a file
read-pseudo-fs-help = descriptors and rule files are ordinary files in a repository
read-directory = `{ $name }` is a directory; expected a file
read-directory-help = name a descriptor file such as `llm-project.yaml`
read-not-regular = `{ $name }` is not a regular file (a pipe, socket or device); expected a file
read-not-utf8 = file is not valid UTF-8 (invalid byte at offset { $offset }); expected UTF-8 text
read-too-large = `{ $name }` is { $size } bytes or more, over the limit of { $limit } bytes
read-too-large-help = descriptors and rule files are a few kilobytes; raise the limit with `--max-file-size` if this is intended

## Diagnostics: YAML and the shape of a file
load-too-large = file is { $size } bytes, more than the limit of { $limit } bytes
load-nul-byte = file contains a NUL byte; expected YAML text
load-empty = file is empty; expected a YAML mapping
load-empty-help = start from one of the files under `examples/`
load-invalid-yaml = invalid YAML: { $detail }
load-too-deep = nesting is deeper than the limit of { $limit } levels
load-top-level = expected a mapping at the top level, found { $found }
load-too-many-problems = too many problems in this file; only the first { $max } are shown
remove-one-entry = remove one of the two entries
unknown-key-in = unknown key `{ $key }` in { $what }
did-you-mean = did you mean `{ $name }`?
did-you-mean-one-of = did you mean `{ $name }`? expected one of { $list }
expected-one-of = expected one of { $list }
missing-required-key = { $what } is missing the required key `{ $key }`
add-key-label = add `{ $key }:` to this mapping
expected-string-key = expected a string key in { $what }, found { $found }
expected-mapping = expected { $what } to be a mapping, found { $found }
expected-list = expected { $what } to be a list, found { $found }
expected-nonempty-string = expected { $what } to be a non-empty string
expected-string = expected { $what } to be a string, found { $found }
expected-bool = expected { $what } to be `true` or `false`, found { $found }
write-value = write `{ $value }`
expected-whole-number = expected { $what } to be a whole number, found { $found }
expected-number = expected { $what } to be a number, found { $found }
found-null = nothing (null)
found-bool = a boolean `{ $value }`
found-int = an integer `{ $value }`
found-float = a number `{ $value }`
found-str = a string `{ $value }`
found-seq = a list
found-map = a mapping
kind-bool = a boolean
kind-int = an integer
kind-float = a number
kind-str = a string

## Diagnostics: answers
expected-question-id = expected a question id, found { $found }
unknown-question = unknown question `{ $id }`
derived-answer = `{ $id }` is derived, not answered
derived-answer-help = remove it: the rules compute `{ $id }` from `{ $fact }` and the other answers
expected-planned-approach = expected `planned_approach` to be an approach or a list of approaches, found { $found }
unknown-approach = unknown approach `{ $name }`
out-of-range = `{ $id }` is { $value }; expected { $range }
range-between = between { $min } and { $max }
range-at-least = at least { $min }
range-at-most = at most { $max }
range-any = any number
expected-choice = expected `{ $id }` to be one of its values, found { $found }
not-a-value-of = `{ $value }` is not a value of `{ $id }`

## check: findings about the plan and the answers
plan-finding-none = no `planned_approach`; the rules recommend `{ $recommended }`
plan-finding-none-help = add `planned_approach: { $plan }` to have the plan checked
plan-with-combination = { $message } together with { $with }
plan-vetoed = planned `{ $planned }` is ruled out by rule `{ $rule }` ({ $title }); the rules recommend `{ $recommended }`
plan-contradicts = planned `{ $planned }`, but the rules recommend `{ $recommended }`
plan-contradicts-help = plan `{ $plan }`, or revisit the answers behind the recommendation
plan-missing-combination = the plan leaves out `{ $missing }`, which the rules say to combine with `{ $recommended }`
plan-suggested = plan `{ $plan }`
questions-assumed = { $count } { $count ->
    [one] question
   *[other] questions
} unanswered, so the default was assumed: { $list }
questions-assumed-help = answer them under `answers:`, or pass `--allow-defaults` to accept the defaults
newer-questions-assumed = newer { $count ->
    [one] question
   *[other] questions
} unanswered, default assumed: { $list }
newer-questions-assumed-help = the rule set gained these questions later; answer them to silence this note
outside-repository = `{ $path }` leads outside the repository; refusing to read it
outside-repository-help = descriptors must be files inside the repository that is checked
overlay-refused = the descriptor names the rule overlay `{ $overlay }`, and `--no-overlays` refuses overlays
overlay-refused-help = remove it from `rules:`, or run without `--no-overlays`
overlay-in-force-note = rule overlay in force: { $summary }
discover-help = give a descriptor file or a directory to search
search-failed = cannot search `{ $path }`: { $reason }
io-no-such-file-or-directory = no such file or directory

## check: the summary line and the per-file lines
check-files = { $shown } { $count ->
    [one] file
   *[other] files
}
check-errors = { $shown } { $count ->
    [one] error
   *[other] errors
}
check-warnings = { $shown } { $count ->
    [one] warning
   *[other] warnings
}
check-notes = { $shown } { $count ->
    [one] note
   *[other] notes
}
check-summary-separator = {", "}
check-failed = {" "}({ $shown } could not be checked)
check-not-checked = could not be checked
check-planned = planned { $plan }; recommended { $recommended }
check-no-plan = no plan; recommended { $recommended }
check-result-ok = ok
check-col-file = file
check-col-planned = planned
check-col-recommended = recommended
check-col-result = result
check-plan-none = none
check-line = line { $line }

## cost: the estimate (evaluate's line and `cost`'s table)
cost-models-differ = { $model }, fine-tuning { $fine_tuned }
cost-break-even-developer = the developer tier is for evaluation (deployments are removed after 24 hours), so no production break-even is claimed
cost-break-even-any = fine-tuning costs no more than prompt engineering at any volume (training excluded)
cost-break-even-at = fine-tuning breaks even at { $requests } requests a month
cost-break-even-never = fine-tuning never breaks even on running costs
cost-evaluation-only = {" "}(developer tier, evaluation only)
cost-summary = Monthly cost at { $requests } requests ({ $models }, { $table } prices as of { $as_of }): prompt engineering { $pe }, RAG { $rag }, fine-tuning{ $evaluation } { $ft } + { $once } once; { $break_even }.
cost-title = Cost at { $requests } requests a month, { $models } on { $table }
cost-shape = Fine-tuning: { $method }{ $tier }, { $deployment } deployment
cost-tier = {" "}({ $tier } training)
cost-col-approach = approach
cost-col-monthly = per month ({ $currency })
cost-col-once = one-time ({ $currency })
cost-row-pe = Prompt engineering
cost-row-rag = Retrieval-augmented generation
cost-row-ft = Fine-tuning
cost-row-ft-evaluation = Fine-tuning (evaluation only)
cost-grader = One-time fine-tuning includes { $amount } of grader tokens.
cost-break-even-line-developer = Break-even: none claimed; the developer tier is for evaluation (deployments are removed after 24 hours), not production.
cost-break-even-line-any = Break-even: at any volume fine-tuning costs no more than prompt engineering (training excluded).
cost-break-even-line-at = Break-even: from { $requests } requests a month fine-tuning costs no more than prompt engineering (training excluded).
cost-break-even-line-never = Break-even: none; fine-tuning costs more per month than prompt engineering at any volume.
cost-note = Note: { $note }.
cost-hours-and-tokens = give `training_hours` or `training_tokens`, not both
cost-hours-and-tokens-help = per-hour tables and `method: rft` bill `training_hours`; per-token tables bill `training_tokens`
cost-tokens-and-file-tokens = give `training_tokens` or `training_file_tokens` with `epochs`, not both
cost-tokens-and-file-tokens-help = `training_tokens` is the total trained (file tokens x epochs); remove one of them
cost-tokens-and-epochs = `training_tokens` already counts every epoch; give `training_file_tokens` with `epochs` instead
cost-tokens-and-epochs-help = replace `training_tokens` with `training_file_tokens` (the file's tokens), or remove `epochs`
cost-rft-billed-by-hours = `method: rft` is billed by `training_hours`, not `{ $key }`
cost-rft-billed-by-hours-help = remove `{ $key }`, or use `method: sft` or `dpo` for per-token training
cost-rft-only = `{ $key }` applies to `method: rft` only
cost-rft-only-help = set `method: rft` for reinforcement fine-tuning with a model grader, or remove the grader's keys
cost-grader-incomplete = a model grader needs `grader_model`, `grader_input_tokens` and `grader_output_tokens`; `{ $key }` is missing
cost-grader-incomplete-help = add `{ $key }`, or remove the grader's keys for a job without a model grader
cost-provisioned-needs-ptu = `deployment: provisioned` needs `ptu_hours_per_month` and `ptu_hourly_rate` (your rate: the table cannot know it)
cost-provisioned-needs-ptu-help = add `ptu_hours_per_month` (units x hours) and `ptu_hourly_rate` (your price per PTU-hour)
cost-provisioned-not-hosting = a provisioned deployment is billed by `ptu_hours_per_month`, not `hosting_hours_per_month`
cost-provisioned-not-hosting-help = remove `hosting_hours_per_month`
cost-provisioned-only = `{ $key }` applies to `deployment: provisioned` only
cost-provisioned-only-help = set `deployment: provisioned`, or remove the PTU keys
cost-price-help = choose a model and settings the table prices (`shouldtune cost --table ID` lists them), or supply the price with `--pricing FILE`
cost-price-rft-help = the table prices this model for reinforcement fine-tuning: set `method: rft`
cost-prices-as-of = Prices as of { $as_of } from { $source }.
cost-prices-change = Prices change: supply current ones with `--pricing FILE` (same format as rules/pricing/*.yaml).
cost-assumed = Assumed
cost-stale-prices = price table `{ $table }` is dated { $as_of }, more than a year before { $today }: prices have likely changed; supply current ones with `--pricing FILE`

## ask: prompts and key hints
ask-keys = Enter accepts the default · Esc goes back · Ctrl-C saves and quits
ask-project-name = Project name?
ask-progress-project = project
ask-progress-question = question { $number } of { $total }
ask-progress-plan = plan
ask-plan = Which approach does the team plan to take?
ask-plan-help = `shouldtune check` compares the plan with the recommendation
ask-plan-none = none yet (decide later)
ask-plan-recommended = {" "}(recommended)
ask-yes = Yes
ask-no = No
ask-default-yes = Y/n
ask-default-no = y/N
ask-yes-no-error = type y or n, or press Enter for the default
ask-at-least = enter { $min } or more
ask-at-most = enter { $max } or less
ask-whole-number = enter a whole number, e.g. { $default } (30,000 and 30k work too)
ask-filter = type to filter
ask-default-choice = { $choice } (default)
ask-progress-save = save
ask-save = Save to { $path }?
ask-save-help = Enter saves · n discards
ask-not-saved = not saved
ask-saved = saved `{ $path }`; check it with: shouldtune check { $path }
ask-overwrite-complete = { $path } already exists and is complete. Overwrite it?
ask-overwrite-appeared = { $path } was created while you answered. Overwrite it?
ask-overwrite-changed = { $path } changed while you answered. Overwrite it?
ask-overwrite-help = Enter keeps it and saves beside it · y overwrites
ask-kept-beside = `{ $kept }` was kept as it is: the answers are in `{ $path }` beside it
ask-interrupted-nothing = interrupted before any answer: nothing saved
ask-interrupted-saved = interrupted: { $answers } saved to `{ $path }`, marked incomplete
ask-resume-with = resume with: shouldtune ask --save { $path }
ask-prefilled = pre-filled { $answers } from `{ $path }`{ $listed }
ask-resuming = resuming `{ $path }` ({ $answers } so far)
ask-answers = { $count } { $count ->
    [one] answer
   *[other] answers
}
ask-no-cost-line = no cost line: { $error }
ask-costs-from = Costs use the `cost:` section of `{ $file }` (see docs/costs.md).
ask-costs-default = Costs use the default price table and model; to price another table, model or deployment, add a `cost:` section to the saved file (see docs/costs.md).
ask-your-answers = Your answers

## check: descriptors hidden by ignore files
ignored-descriptors = { $count ->
    [one] 1 descriptor not checked: an ignore file (`.gitignore`, `.ignore`) hides it
   *[other] { $count } descriptors not checked: ignore files (`.gitignore`, `.ignore`) hide them
}
ignored-descriptors-help = run with `--no-ignore` to check every descriptor

## explain
explain-rule = rule { $id }: { $title }
explain-plan-rule = plan rule { $id }: { $title }
explain-advice-rule = advice rule { $id }: { $title }
explain-defined-in = defined in { $file }:{ $line }
explain-what-it-checks = What it checks
explain-fires-always = It fires whatever the answers are.
explain-fires-when = It fires when { $condition }.
explain-as-written = Condition as written: `{ $condition }`
explain-only-when-recommended = ...and only when the recommendation is { $list }.
explain-only-when-planned = ...and only when `planned_approach` includes { $list }.
explain-effects = Effects
explain-scores = Scores: { $list }
explain-rules-out = Rules out: { $list }
explain-keeps-alongside = Keeps alongside the recommendation: { $list }
explain-reports-finding = Reports a finding about the plan, severity { $severity }, under the id `{ $id }`.
explain-never-changes = It never changes the recommendation.
explain-next-step = Next step: { $step }
explain-why = Why
explain-sources = Sources
explain-free-text = { $text } (free text, not in the source catalogue)
explain-example = Example
explain-example-defaults = It fires with every answer at its default:
explain-example-descriptor = It fires for this descriptor (every answer not listed at its default):
explain-example-impossible = None exists: the condition can never hold (see `shouldtune rules check`).
explain-example-not-found = None found: the search over the questions' values gave up before finding answers under which it fires.
explain-source = source { $id }: { $title }
explain-what-it-says = What it says
explain-cited-by = Cited by
explain-no-rule = no rule
explain-code = diagnostic code { $code }: { $summary }
explain-how-to-fix = How to fix it
explain-reported-by = Reported by the plan rule `{ $rule }` of the rule set in use.
explain-unknown-id = `{ $id }` is not a rule id, source id or diagnostic code
explain-unknown-id-help = the closest are { $list }; `shouldtune rules show` lists the rules

## The decision record (MADR)
adr-title = Use { $plan } for { $name }
adr-with = {" "}with{" "}
adr-considered-options = Considered Options
adr-context = Context and Problem Statement
adr-question = Should { $name } invest in { $options }? The project answered the questions below; shouldtune scored the answers against published guidance.
adr-col-question = question
adr-col-answer = answer
adr-col-from = from
adr-from-given = given
adr-from-assumed = assumed (default)
adr-from-derived = derived (cost model)
adr-from-not-applicable = not applicable
adr-drivers = Decision Drivers
adr-ruled-out = { $approach } ruled out
adr-rule-source = rule `{ $rule }`, source: { $source }
adr-outcome = Decision Outcome
adr-because-tie = it shares the highest score of the options not ruled out ({ $score }) and is the simplest
adr-because-highest = it scores highest of the options not ruled out ({ $score })
adr-chosen = Chosen option: "{ $option }", because { $because }.
adr-keep-alongside = Keep alongside: { $list }.
adr-col-option = option
adr-ruled-out-by = ruled out by { $rule }
adr-chosen-status = chosen
adr-consequences = Consequences
adr-no-follow-up = No follow-up was derived from the answers.
adr-next-step = Next step: { $step }
adr-cost = Cost: { $line }
adr-plan = Plan ({ $severity } { $id })
adr-assumed = Unanswered questions took their conservative default; confirm them: { $list }.
adr-overlay = Decided with the rule overlay { $summary }.
adr-confirmation = Confirmation
adr-revisit = Revisit this decision if one of these answers changes:
adr-pros-and-cons = Pros and Cons of the Options
adr-bad-ruled-out = Bad, because it is ruled out: { $because } (rule { $rule })
adr-good = Good, because { $title } ({ $weight }, rule { $rule })
adr-bad = Bad, because { $title } ({ $weight }, rule { $rule })
adr-neutral = Neutral, because no rule that fired weighs on it
adr-more-information = More Information
adr-generated = Generated by `shouldtune evaluate --format adr`; re-run it after changing the answers. The sources the reasons cite:
adr-no-sources = none (no rule fired)

## init: the comments of the descriptor it writes
init-header = What shouldtune needs to know about this LLM project, written by `shouldtune init`.
    Every question is answered with its default (the conservative answer): change the
    answers that do not fit, then run `shouldtune evaluate` on this file, or `shouldtune check`.
init-description = What the project does, in one line
init-plan = What you plan to build: one approach or a list, e.g. [fine_tuning, rag]; approaches:
    { $approaches }. `check` fails when the plan contradicts the recommendation.
    With the answers below as written, the rules recommend this plan.
init-overlays = Written with `--rules { $flags }`. Name the overlays here, relative to this file,
    so `check` uses them without flags:
init-allowed = Allowed: { $allowed }.
init-allowed-bool = true or false
init-allowed-between = a whole number from { $min } to { $max }
init-allowed-at-least = a whole number, at least { $min }
init-allowed-at-most = a whole number, at most { $max }
init-allowed-int = a whole number
init-allowed-choice = one of { $values }
init-read-when = Read only when { $condition }.
init-wrote = wrote `{ $path }`: every question at its default; edit the answers, then run `shouldtune check`
init-exists = `{ $path }` already exists
init-exists-help = edit it, pass `--force` to replace it, or name another file

## The web page (`shouldtune serve`)
web-question = Prompt engineering, RAG or fine-tuning?
web-intro = Answer the questions; the recommendation updates as you go. Nothing is stored: download the answers when you are done.
web-skip = Skip to the recommendation
web-questions = Questions
web-start-from-file = Start from a file
web-load = Load an { $file }
web-drop = Or drop the file anywhere on this page.
web-project-name = Project name
web-default-name = My LLM project
web-number = { $number } of { $total }
web-default-mark = {" "}(default)
web-default-option = { $choice } - default
web-default = Default:
web-result = Result
web-working = Working out the recommendation…
web-download-yaml = Download llm-project.yaml
web-download-html = Download HTML report
web-download-adr = Download decision record (ADR)
web-note-rules = The file names rule overlays under `rules:`; this page uses the rule set `shouldtune serve` was started with (`--rules`). The download keeps them.
web-note-cost = The file's `cost:` section prices the project here, as in `shouldtune evaluate`, and the download keeps it.
web-js-unreachable = The server cannot be reached: is `shouldtune serve` still running?
web-js-unreachable-short = The server cannot be reached.
web-js-fix-answers = Fix the highlighted answers to see the recommendation.
web-js-recommended = Recommended: {"{"}0{"}"}.
web-js-cannot-load = Cannot load {"{"}0{"}"}:
web-js-loaded = Loaded {"{"}0{"}"}.

## Diagnostics: rule files
rules-version-unsupported = rule file version `{ $version }` is not supported; this build reads version { $supported }
rules-cannot-extend = cannot extend `{ $name }`
rules-cannot-extend-help = the only rule set that can be extended by name is `default`
rules-disable-nothing = there is no earlier rule `{ $id }` to disable
rules-disable-help = `disable` names rules defined in earlier files
rules-max-below-min = `max` ({ $max }) is smaller than `min` ({ $min })
rules-choice-twice = choice value `{ $value }` is listed twice
rules-choice-two-values = a choice question needs at least two values
rules-ask-when-reads-itself = the condition for asking `{ $id }` reads itself
rules-ask-when-reads-later = the condition for asking `{ $id }` reads `{ $later }`, which is asked later
rules-ask-when-help = a question's condition may read only questions asked before it
rules-derived-boolean = the derived fact `{ $name }` is a boolean
rules-derived-boolean-help = write `type: boolean`
rules-weight-range = weight { $weight } is out of range; expected -1000 to 1000
rules-advice-scores = rule `{ $id }` depends on the recommendation (`when_recommended`), so it cannot also score or veto
rules-advice-scores-help = split it into a scoring rule and an advice rule
lint-rule-never-fires = rule `{ $id }` can never fire: `{ $condition }` never holds
lint-rule-never-fires-help = check its thresholds against the questions' ranges, and the conditions under which the questions are asked
lint-question-unread = no rule reads question `{ $id }`, so its answer changes nothing
lint-approach-unscored = no rule that can fire scores or vetoes approach `{ $id }`
lint-source-not-in-catalogue = rule `{ $id }` cites `{ $text }`, which is not in the source catalogue
lint-source-not-in-catalogue-help = add the source to `sources:` (title, publisher, URL, date, what it says) and cite its id
lint-approaches-always-tied = no rule that can fire weighs the approaches differently, so every answer set ties and the first approach always wins
rules-does-nothing = rule `{ $id }` does nothing
rules-does-nothing-help = give it `effects`, `veto`, `combine_with`, `next_step` or `when_planned`
rules-plan-rule-mixed = rule `{ $id }` judges the plan (`when_planned`), so it cannot also score, veto, combine or advise
rules-plan-rule-mixed-help = split it into a plan rule and a scoring or advice rule
rules-plan-needs-severity = plan rule `{ $id }` needs `severity`
rules-plan-needs-severity-help = add `severity: error`, `severity: warning` or `severity: note`
rules-severity-without-plan = `severity` is only for plan rules, and rule `{ $id }` has no `when_planned`
rules-severity-without-plan-help = add `when_planned: [approach, ...]`, or remove `severity`
rules-source-empty = `source` lists nothing
rules-source-empty-help = cite at least one source id or a free-text citation
rules-unknown-source = `{ $text }` is not in the source catalogue
rules-unknown-source-did-you-mean = did you mean `{ $name }`? or add `{ $text }` to `sources:`
rules-unknown-source-help = add `{ $text }` to `sources:`, or write the citation out in words
rules-source-id-kebab = source id `{ $text }` must be kebab-case: words of `a-z` and `0-9` joined by `-`
rules-url-character = `url` contains { $char }, which a URL cannot hold
rules-url-character-help = percent-encode it (a space is `%20`)
rules-url-absolute = `url` must be an absolute `https://` or `http://` address
rules-date-format = `date` is `{ $text }`; expected `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
rules-nothing-to-override-help = remove `override: true` to add it as a new definition
rules-locales-need-en = `locales` must list `en`: the texts of a rule file are English
rules-locales-need-en-help = write `locales: [en, ja]`
rules-unknown-locale = unknown locale `{ $name }`
rules-locale-not-listed = translations for `{ $locale }`, which the rule set's `locales` does not list
rules-locale-not-listed-help = add `{ $locale }` to `locales:` in the rule file
rules-translation-empty = the translated `{ $field }` is empty
rules-translation-empty-help = write the translation, or leave the key out to show the English text
rules-labels-not-choice = question `{ $id }` is not a choice, so it has no values to label
pricing-default-model-unknown = `default_model` `{ $name }` is not in `models`; they are { $names }
pricing-as-of-date = expected `as_of` to be a date like `2023-10-16`, found `{ $text }`
pricing-per-1k-and-per-1m = give `{ $k }` or `{ $m }`, not both

## Diagnostics: conditions
expr-unknown-question = unknown question `{ $name }`
expr-unexpected-character = unexpected character `{ $char }`
expr-too-deep = condition nests `not` and parentheses deeper than { $levels } levels
expr-compare-integer = compare it, e.g. `{ $name } >= 1`
expr-compare-choice = compare it, e.g. `{ $name } == <value>` or `{ $name } in [...]`
expr-number-not-condition = `{ $value }` is a whole number, not a condition
expr-not-a-condition = `{ $name }` is { $kind ->
    [integer] a whole number
   *[choice] a choice
}, not a condition
expr-string-not-condition = `"{ $value }"` is a string, not a condition
expr-too-long = condition is { $len } bytes long, more than the limit of { $max }
expr-too-long-help = split it into several rules
expr-trailing = unexpected { $token } after the end of the condition
expr-trailing-help = join conditions with `and` or `or`
expr-single-equals = `=` is not an operator
expr-single-equals-help = compare with `==`
expr-bang = `!` is not an operator
expr-bang-help = negate with `not`, or compare with `!=`
expr-string-not-closed = string is not closed
expr-string-not-closed-help = add a closing { $quote }
expr-bad-number = `{ $text }` is not a whole number
expr-write-and = write `and`
expr-write-or = write `or`
expr-expected-list = expected `[` after `in`, found { $found }
expr-expected-list-help = write the values as a list, e.g. `in [weekly, daily]`
expr-expected-comma = expected `,` or `]` in the list, found { $found }
expr-keyword-operand = expected a question id or a value, found the keyword `{ $name }`
expr-expected-paren = expected `)`, found { $found }
expr-close-paren-help = close the parenthesis opened here
expr-expected-operand = expected a question id or a value, found { $found }
expr-ends-early = condition ends early; expected { $expected ->
    [open-list] `[` after `in`
    [close-list] `]` to close the list
    [close-paren] `)`
   *[operand] a question id or a value
}
expr-bool-order = `{ $op }` needs whole numbers; booleans can only be compared with `==` or `!=`
expr-cannot-compare = cannot compare { $lhs } with { $rhs }
expr-operand = { $text } ({ $kind ->
    [boolean] a boolean
    [integer] a whole number
    [choice] a choice
   *[string] a string
})
expr-operand-condition = a condition
expr-choice-order = `{ $op }` needs whole numbers, but `{ $id }` is a choice
expr-choice-order-help = compare choices with `==`, `!=` or `in [...]`
expr-empty-list = the list after `in` is empty
expr-empty-list-help = list at least one value
expr-in-needs-choice = `in` needs a choice question on its left, found { $found }
expr-choice-not-bool = `{ $id }` is a choice; `{ $value }` is not one of its values
expr-choice-only-values = `{ $id }` is a choice and can only be compared with one of its values
expr-column = column { $column } of the condition

## What a message about a value names (`load::What`): a key, or a thing in words
what = { $thing ->
    [rule-file] a rule file
    [source] a source
    [approach] an approach
    [question] a question
    [rule] a rule
    [id] { $kind ->
        [approach] the approach id
        [question] the question id
        [rule] the rule id
        [choice-value] the choice value
       *[source] the source id
    }
    [effect-weight] an effect's weight
    [locale] a locale
    [translation-file] a translation file
    [translations] the `{ $name }` translations
    [translation-of] the translation of { $kind ->
        [approach] approach
        [question] question
        [rule] rule
       *[source] source
    } `{ $name }`
    [choice-question] a choice question
    [choice-value] a choice value
    [descriptor] the descriptor
    [rule-test-file] a rule test file
    [casebook-case] a casebook case
    [test-case] a test case
    [next-step] a next step
    [price-table] a price table
    [model-name] a model name
    [model] model `{ $name }`
    [model-key] `{ $key }` of model `{ $name }`
   *[key] `{ $name }`
}
kind = { $kind ->
    [approach] approach
    [question] question
    [rule] rule
   *[source] source
}

## Diagnostics: rule files (definitions, ids, keys)
rules-more-problems = { $count } more { $count ->
    [one] problem
   *[other] problems
} in the rule files { $count ->
    [one] is
   *[other] are
} not shown
rules-key-not-allowed = `{ $key }` is not allowed here: the question is { $kind ->
    [boolean] a boolean
    [integer] an integer
   *[choice] a choice
}
rules-unknown-type = unknown question type `{ $name }`
rules-derived-ask-when = a derived fact is never asked, so it cannot have `ask_when`
rules-unknown-derived = unknown derived fact `{ $name }`
rules-expected-condition = expected a condition (a string), found { $found }
rules-expected-approach-list = expected `{ $key }` to be a list of approaches, found { $found }
rules-two-weights = this approach is given two weights
rules-unknown-severity = unknown severity `{ $name }`
rules-empty = the rule set is empty
rules-two-approaches = a rule set needs at least two approaches to choose between
rules-all-vetoed = every approach can be vetoed, so some answers could leave nothing to recommend
rules-all-vetoed-help = leave at least one approach that no rule vetoes (usually the simplest), or make the vetoes' conditions exclude each other
rules-id-format = { $what } `{ $text }` must start with a lowercase letter and use only `a-z`, `0-9`, `_` and `-`
rules-nothing-to-override = { $kind } `{ $id }` is marked `override` but no earlier file defines it
rules-defined-twice = { $kind } `{ $id }` is defined twice
rules-defined-twice-remove = give it another id, or remove one of the definitions of `{ $id }`
rules-defined-twice-override = give it another id, or add `override: true` to replace the earlier definition of `{ $id }`
defined-again-here = defined again here
first-defined-here = first defined here
rules-nothing-to-translate = the rule set has no { $kind } `{ $id }` to translate
unknown-kind = unknown { $kind } `{ $id }`
ruletest-unknown-split = unknown split `{ $name }`
overlay-expected-paths = expected `rules` to be a list of rule file paths, found { $found }
overlay-expected-path = expected a rule file path, found { $found }
overlay-outside-repository = rule file `{ $name }` is outside the repository; refusing to read it
overlay-outside-repository-help = keep overlay rule files inside the repository that holds the descriptor
overlay-directory = rule file `{ $name }` is a directory; expected a file
overlay-not-regular = rule file `{ $name }` is not a regular file (a pipe, socket or device); expected a file
overlay-read-failed = cannot read rule file `{ $name }`: { $reason }

## Diagnostics: price tables
pricing-needs-model = a price table needs at least one model
pricing-negative = { $what } is negative; prices are 0 or more
pricing-per-1k-overflow = this price cannot be converted to a price per 1,000 tokens
pricing-tier-missing = { $what } needs a price for at least one of `regional`, `global`, `developer`
pricing-one-training-price = { $what } gives { $list }: give one training price
pricing-increment-positive = `billing_increment_minutes` must be a positive whole number
pricing-goes-with = `{ $key }` goes with `{ $with }`
pricing-no-prices = { $what } has no prices: give a training price (`training_per_hour`, `training_per_1k_tokens`, `training_per_1m_tokens` or `rft_training_per_hour`), `hosting_per_hour` or `base` token prices
pricing-needs-side = { $what } needs `{ $k }` or `{ $m }`

## Diagnostics: YAML documents
yaml-parser-error = { $text }
yaml-several-documents = more than one YAML document in the file; expected one
yaml-tags = YAML tags (`!name`) are not supported here
yaml-alias-undefined = alias to an anchor that is not defined before it
yaml-alias-limit = aliases expand to more than { $max } nodes; refusing to expand them
yaml-duplicate-key = key `{ $key }` appears twice in the same mapping

## explain: a condition in words
cond-always = always
cond-never = never
cond-true = { $name } is true
cond-false = { $name } is false
cond-is = { $name } is { $value }
cond-is-not = { $name } is not { $value }
cond-not = not ({ $condition })
cond-and = {" "}and{" "}
cond-or = {" "}or{" "}
cond-same-truth = ({ $lhs }) has the same truth as ({ $rhs })
cond-differs = ({ $lhs }) differs from ({ $rhs })
cond-compare = { $lhs } { $op ->
    [eq] is
    [ne] is not
    [lt] is less than
    [le] is at most
    [gt] is more than
   *[ge] is at least
} { $rhs }
cond-alternatives = { $init } or { $last }
cond-one-of = { $name } is one of { $list }
cond-none-of = { $name } is none of { $list }

## check --format sarif
sarif-repository-root = The repository root.

## cost --tables and cost --table ID
cost-tables-line = { $as_of }, { $currency }, { $models }
cost-tables-default = Without `cost.price_table` a descriptor is priced with `{ $table }`.
cost-table-heading = { $id } ({ $currency }, as of { $as_of })
cost-table-source = Source: { $source }
cost-table-caveat = Caveat: { $caveat }
cost-table-default-model = Default model: { $model }
cost-table-read-from = Read from: { $file }
cost-table-training-hour = training (SFT): { $currency } { $price } an hour, billed in { $minutes }-minute increments (regional)
cost-table-training-tokens = training (SFT, DPO) per 1M training tokens: { $list }
cost-table-rft = reinforcement fine-tuning: { $currency } { $price } an hour of core training{ $cap }
cost-table-rft-cap = ; a job pauses at { $currency } { $price } until resumed
cost-table-hosting = hosting an hour: { $list }
cost-table-tokens = tokens ({ $currency }): { $prices }
cost-table-fine-tuned-tokens = fine-tuned tokens ({ $currency }): { $prices }
cost-table-token-prices = input { $input } per 1M, output { $output } per 1M
cost-table-per-1k = { $price } per 1K
cost-unknown-table = unknown price table `{ $id }`
cost-the-tables-are = the tables are { $list }
cost-needs-file = `cost` needs a descriptor FILE, `--tables` or `--table ID`
cost-chart-failed = cannot draw the chart: { $error }

## cost: why a setting not given took its value, and notes on the figures
cost-reason = { $reason ->
    [default-table] default price table
    [default-model] the price table's default model
    [baseline-model] the baseline model, fine-tuned
    [sft] supervised fine-tuning
    [standard-deployment] a standard deployment with an hourly hosting fee
    [short-answer] a typical short answer
    [tenth-of-prompt] a tenth of prompt_tokens: instructions and examples move into the model
    [three-passages] three retrieved passages of about 500 tokens
    [all-month] deployed all month
    [small-job] a small training job
    [no-grader] no model grader
    [regional-training] regional standard training, with data residency
    [three-epochs] three passes over the training file
   *[file-tokens] examples_available x (fine_tuned_prompt_tokens + output_tokens)
}
cost-note-developer = developer tier: deployments are removed after 24 hours; the fine-tuning figures are an evaluation cost, not a production one, and there is no break-even
cost-note-job-cap = the training job pauses when its billing reaches { $currency } { $amount }; the figure assumes it is resumed, and billing then continues

## cost: values of a descriptor's `cost:` section the estimate cannot use
cost-unknown-value = `{ $key }` is `{ $value }`
cost-negative = `{ $key }` is { $value }; expected 0 or more
cost-too-large = { $what } is too large to compute (the largest amount is { $max })
cost-too-large-help = check `prompt_tokens`, `monthly_requests`, the token counts in `cost:` and the table's prices
cost-too-many-tokens = { $what } is more than { $max } tokens
cost-too-many-tokens-help = check `prompt_tokens`, `examples_available` and the token counts in `cost:`
cost-quantity = { $what ->
    [monthly-hosting] the monthly hosting fee
    [monthly-ptu] the monthly PTU cost
    [fine-tuned-request] a fine-tuned request
    [prompt-engineering-request] a prompt-engineering request
    [rag-request] a RAG request
    [rag-prompt] a RAG prompt
    [one-time] the one-time cost
    [monthly] the monthly cost
    [billed-training-time] the billed training time
    [training-cost] the training cost
    [grader-tokens] the grader's tokens
    [training-tokens] the training tokens
    [training-example] a training example
   *[training-file] the training file
}
cost-the-tables-are-or-add = the tables are { $list }; add one with `--pricing FILE`
cost-no-default-model = price table `{ $table }` has no model with token prices; name one with `cost.model`
cost-unknown-model = price table `{ $table }` has no model `{ $model }`; it has { $models }
cost-missing-price = price table `{ $table }` has no { $what } for `{ $model }`; for `{ $model }` it has { $has }
cost-price-tokens = token prices
cost-price-hosting = hosting fee for deployment `{ $deployment }`
cost-price-tier = `{ $tier }` training price
cost-price-supervised = supervised training price
cost-price-rft = reinforcement fine-tuning price
cost-has-hourly-training = training by the hour (regional)
cost-has-token-training = training per token ({ $tiers })
cost-has-rft = reinforcement fine-tuning by the hour
cost-has-hosting = hosting ({ $deployments })
cost-has-token-prices = token prices
cost-has-nothing = no prices
cost-has-and = { $all }; { $next }

## plot: the cost chart (`cost --plot`, the HTML report)
plot-caption = { $name }: monthly cost by approach, { $model } on { $table } (prices as of { $as_of })
plot-x = Monthly requests (log scale)
plot-y = Monthly cost ({ $currency }, log scale)
plot-prompt-engineering = Prompt engineering
plot-rag = RAG
plot-fine-tuning = Fine-tuning (incl. hosting)
plot-fine-tuning-evaluation = Fine-tuning (developer tier, evaluation only)
plot-this-project = This project: { $requests } requests
plot-break-even = Break-even: { $requests } requests

## descriptor: a descriptor saved by an interrupted questionnaire
descriptor-incomplete = this descriptor is marked `incomplete`: the questionnaire that wrote it was interrupted
descriptor-incomplete-help = finish it with `shouldtune ask --save { $name }`

## The binary: files it writes, reasons an operation failed
write-failed = cannot write `{ $path }`: { $reason }
output-write-failed = cannot write output: { $reason }
io-already-exists = the file already exists
io-read-only = the file system is read-only
io-storage-full = no space left on the device
io-is-a-directory = it is a directory
io-not-a-directory = a part of the path is not a directory
io-address-in-use = the address is already in use
io-address-not-available = the address is not available
io-broken-pipe = the reader has gone (broken pipe)
io-not-regular = it is not a regular file
ask-save-regular-help = `--save` names the descriptor file `ask` writes: choose a regular file
directory-unresolved = cannot resolve `{ $name }`: { $reason }
# A temporary file of a JUnit or Markdown report that failed; $what names what it holds.
spool-failed = the temporary file holding the { $what } (in `{ $dir }`) could not be { $action ->
        [created] created
        [written] written
       *[read] read back
    }: { $reason }
spool-junit-cases = `JUnit` test cases
spool-markdown-rows = Markdown table rows
spool-markdown-details = Markdown details
man-no-page = no manual page for `{ $name }`
man-pages = pages: { $list }
check-root-not-a-directory = `--root { $path }` is not a directory
check-root-not-a-directory-help = give the repository's top directory, or leave `--root` out to use the one with `.git`
check-output-twice = `{ $path }` is named by two `-o` options
check-output-twice-help = give each report its own file
check-output-help = `-o FORMAT=PATH` needs a path in an existing, writable directory
check-no-descriptor = no descriptor found under { $paths }
check-no-descriptor-help = name descriptors `llm-project.yaml` or `*.llm-project.yaml`, or pass their paths; `shouldtune init` writes one
ask-no-terminal = `ask` needs a terminal on standard input, and there is none
ask-no-terminal-help = to evaluate a descriptor without prompts run `shouldtune evaluate FILE`; in CI run `shouldtune check`
ask-cannot-save = cannot save the answers to `{ $path }`: { $reason }
ask-cannot-save-help = the answers were printed on standard output instead: copy them into a file, or run `shouldtune ask --save FILE` with a writable FILE
cost-plot-force-help = pass `--force` to replace it
cost-chart-written = chart written to `{ $path }`
serve-cannot-listen = cannot listen on 127.0.0.1:{ $port }: { $reason }
serve-cannot-listen-help = choose another port with `--port N`, or `--port 0` for any free one
serve-listening = Serving the questionnaire at { $url } (127.0.0.1 only; Ctrl-C stops).
serve-no-browser = cannot open a browser ({ $reason }); open { $url } yourself

## rules check and rules show
rules-check-summary = { $approaches } { $approaches ->
    [one] approach
   *[other] approaches
}, { $questions } { $questions ->
    [one] question
   *[other] questions
}, { $rules } { $rules ->
    [one] rule
   *[other] rules
}: { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}
rules-show-col-rule = rule
rules-show-col-when = when
rules-show-col-effects = effects
rules-show-col-source = source
rules-show-vetoed = { $approach } vetoed
rules-show-with = with { $approach }
rules-show-advice-when = advice when { $approaches }

## rules test: the report of a run
ruletest-running = running { $count } { $count ->
    [one] test
   *[other] tests
}
ruletest-ok = test { $name } ... ok
ruletest-ok-marked = test { $name } ... ok (marked as a known miss: remove the mark)
ruletest-known-miss = test { $name } ... known miss: { $reason }
ruletest-failed = test { $name } ... FAILED
ruletest-recommendation = recommendation: expected `{ $expected }`, got `{ $actual }`
ruletest-combine-with = combine_with: expected { $expected }, got { $actual }
ruletest-vetoed = vetoed: expected { $expected }, got { $actual }
ruletest-not-fired = rule `{ $rule }` was expected to fire and did not
ruletest-fired = rule `{ $rule }` fired and was expected not to
ruletest-no-next-step = no next step starts with { $step }
ruletest-scores = scores:
ruletest-vetoed-mark = (vetoed)
ruletest-fired-list = fired: { $list }
ruletest-failures = failures:
ruletest-casebook = casebook ({ $split ->
    [held-out] held out
   *[tuned] tuned
}): { $passed } of { $total } decisions matched ({ $percent }%)
ruletest-result = test result: { $status }. { $passed } passed, { $failed } failed{ $misses }
ruletest-result-misses = , { $count } known { $count ->
    [one] miss
   *[other] misses
}

## serve: the answers to requests the page does not make
web-error-answers-json = expected the answers as JSON (line { $line }, column { $column })
web-error-answer-type = the answer to `{ $id }` must be a boolean, a number or a string
web-error-kept-not-yaml = `kept` is not YAML: { $error }
web-error-kept-mapping = `kept` must be a mapping
web-error-kept-keys = `kept` may hold only the `cost:` and `rules:` sections
web-error-kept-newline = `kept` must end with a new line
web-error-render = cannot render the report: { $reason }
web-error-file-json = expected the file as JSON (line { $line }, column { $column })
web-error-file-too-large = `{ $name }` is larger than { $limit } bytes
web-error-forbidden = forbidden: use the address `shouldtune serve` printed
web-error-not-found = not found
web-error-method = method not allowed
web-error-json-only = expected Content-Type: application/json
web-error-too-large = request too large
web-error-unreadable = cannot read the request
plan-with-and = { $all } and { $next }

## Rule overlays: what one changed
overlay-summary = { $file } ({ $changes })
overlay-file = { $file }
overlay-disables = disables { $list }
overlay-overrides = overrides { $list }
overlay-adds = adds { $list }
overlay-changes-and = { $all }; { $next }
heading-overlays = Rule overlays in force
rules-missing-translation = { $kind } `{ $id }` has no `{ $locale }` translation of { $fields }
rules-missing-translation-help = add them under `{ $section }: {"{"} { $id }: ... {"}"}` in the `{ $locale }` translations, or remove `{ $locale }` from `locales`
