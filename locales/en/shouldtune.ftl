# shouldtune's messages in English. Every message here has a Japanese
# counterpart in ../ja/shouldtune.ftl (a test fails otherwise).
# Arguments are inserted as given: renderers escape them for their format.

## evaluate: table and Markdown
report-heading = shouldtune: { $name }
recommendation = Recommendation: { $title } ({ $id })
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
