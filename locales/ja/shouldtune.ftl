# shouldtune のメッセージ (日本語)。../en/shouldtune.ftl の各メッセージに対応します。
# 引数はそのまま挿入され、各出力形式のエスケープはレンダラーが行います。

## evaluate: 表と Markdown
report-heading = shouldtune: { $name }
recommendation = 推奨: { $title } ({ $id })
recommendation-label = 推奨:
together-with = 、併用: { $list }
col-approach = 手法
col-score = スコア
col-status = 状態
status-vetoed-by = 除外 ({ $rule })
status-recommended = 推奨
status-keep-alongside = 併用
effect-vetoed = { $approach } 除外
heading-why = 理由
no-rule-fired = 該当するルールはありません。最もシンプルな手法から始めてください。
heading-keep-alongside = 併用する手法
rule-id = ルール { $rule }
rule-source = ルール { $rule }、出典:
source-and = および
source-label = 出典:
heading-assumed = 仮定した回答
assumed-lead = 回答がないため、保守的な既定値を使いました:
not-applicable = このプロジェクトには該当しない質問: { $list }
overlay-in-force = 適用中のルールオーバーレイ: { $summary }
overlay-in-force-label = 適用中のルールオーバーレイ:
heading-what-if = 推奨が変わる条件
no-what-if = 1 つの回答を変えるだけでは推奨は変わりません。
what-if = { $answer } が { $to } (現在は { $from }) なら、{ $title }を推奨します。
what-if-truncated = ルールセットが非常に大きいため、推奨を変える回答の探索を途中で打ち切りました。他にも変わる条件があるかもしれません。
heading-cost = コスト
heading-next-steps = 次のステップ
heading-plan = 計画
plan-label = 計画:
planned-label = 計画している手法:
plan-none = 指定なし
plan-agrees = 計画は推奨と一致しています。
because-label = 理由:
help-label = 対処:
source-line-label = 出典:

## スコアの下の確信度の行
all-others-vetoed = 他の手法はすべて除外されています。
margin-ahead = 差: { $runner_up }に { $margin } ポイント差をつけています。
close-call-tied = 僅差: { $runner_up }と同点のため、よりシンプルな手法を推奨します。
close-call-ahead = 僅差: { $runner_up }との差は { $margin } ポイントです。
close-call-tip = { $lead } 1 つの回答で結果が変わります: { $answer } が { $to } (現在は { $from }) なら、{ $title }を推奨します。
close-call-cut-short = { $lead } 結果を左右する回答の探索を途中で打ち切りました。
close-call-no-tip = { $lead } 1 つの回答を変えるだけでは推奨は変わりません。

## HTML レポート
html-title = { $name } - shouldtune の推奨
html-kicker = shouldtune の推奨
html-footer = shouldtune が公開されたガイダンスに照らして採点しました。各理由に出典を示しています。
heading-recommendation = 推奨
heading-scores = スコア
heading-answers = 回答
heading-ruled-out = 除外された手法
col-question = 質問
col-answer = 回答
col-from = 出所
from-given = 回答済み
from-assumed = 仮定 (既定値)
from-not-applicable = 該当なし
from-derived = 導出 (コストモデル)
status-ruled-out-by = 除外 ({ $rule })
effect-ruled-out = { $approach } 除外
html-rule-source = ルール { $rule } · 出典:
vetoed-by-rule = { $approach } (ルール { $rule }): { $reason }
planned-none-sentence = 計画している手法: 指定なし
chart-label = 月間リクエスト数に対する各手法の月額コスト
