# shouldtune のメッセージ (日本語)。../en/shouldtune.ftl の各メッセージに対応します。
# 引数はそのまま挿入され、各出力形式のエスケープはレンダラーが行います。

## evaluate: 表と Markdown
report-heading = shouldtune: { $name }
recommendation = 推奨: { $approach }
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
close-call-tip = { $lead }1 つの回答で結果が変わります: { $answer } が { $to } (現在は { $from }) なら、{ $title }を推奨します。
close-call-cut-short = { $lead }結果を左右する回答の探索を途中で打ち切りました。
close-call-no-tip = { $lead }1 つの回答を変えるだけでは推奨は変わりません。

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

## 診断コード: 各コードの概要と対処 (`.help`)
code-io-error = ファイルを読み込めません
    .help = パスが存在し、通常のファイルで、読み取り可能であることを確認してください。
code-file-too-large = ファイルがサイズ上限を超えています
    .help = 記述子やルールファイルは数 KB 程度です。正当なファイルであれば `--max-file-size` で上限を引き上げてください。
code-yaml-syntax = ファイルが有効な YAML ではないか、解析の制限を超えています
    .help = 示された位置の YAML を修正してください。安全に解析するため、アンカー、エイリアス、ネストの深さには制限があります。
code-empty-document = ファイルに YAML ドキュメントがありません
    .help = 少なくとも `name:` を含むマッピングを記述してください。`examples/llm-project.yaml` を参照してください。
code-unknown-key = マッピングにその位置では使えないキーがあります
    .help = キーを削除するか、綴りを修正してください。メッセージに最も近い有効なキーを示しています。
code-missing-key = 必須のキーがありません
    .help = メッセージに示されたキーを追加してください。
code-wrong-type = 値の型が正しくありません
    .help = メッセージに示された型の値 (`true`/`false`、整数、または列挙された値のいずれか) を記述してください。
code-out-of-range = 数値が許容範囲外です
    .help = メッセージに示された範囲内の数値を使ってください。
code-unknown-choice = 値が選択肢のいずれでもありません
    .help = メッセージに列挙された値のいずれかを使ってください。
code-derived-answer = ルールが導出する事実に回答が指定されています
    .help = 回答を削除してください。この事実はコストモデルと他の回答から計算されます。
code-unknown-question = ルールセットにない質問に回答しています
    .help = ルールセットの質問 ID を使ってください (`shouldtune schema descriptor` で一覧できます)。メッセージに最も近い ID を示しています。
code-duplicate-id = 同じ ID が 2 回定義されています
    .help = 2 つの定義のどちらかの名前を変えるか、削除してください。
code-unknown-approach = ルールセットの手法ではない名前です
    .help = `prompt_engineering`、`rag`、`fine_tuning` など、ルールセットの手法 ID を使ってください。
code-incomplete-descriptor = 中断された質問票が保存した記述子です
    .help = `shouldtune ask --save FILE` で完成させてください。最初の未回答の質問から再開します。
code-too-many-problems = 表示しきれないほど多くの問題がファイルにあります
    .help = 表示された問題を修正してから再実行してください。1 ファイルにつき最大 50 件を報告します。
code-nothing-to-change = オーバーレイが、先行するどのファイルにも定義されていないルール、質問、手法を無効化または上書きしています
    .help = オーバーレイが拡張するルールセットのルール、質問、手法の ID を使ってください (`shouldtune rules show` で一覧できます)。メッセージに最も近い ID を示しています。
code-invalid-cost = コストセクションまたは価格表に、両立しない設定の組み合わせがあります
    .help = メッセージに示された選択肢のいずれかを指定してください。課金形態ごとの設定は docs/costs.md にあります。
code-outside-repository = 記述子が指定するファイル、またはリンクの参照先がリポジトリの外にあります
    .help = 記述子と、そこで指定するルールファイルは、それらを含むリポジトリの中に置いてください。
code-ignored-descriptors = `.gitignore` や `.ignore` で除外されているため、確認していない記述子があります
    .help = `--no-ignore` を付けて確認するか、実際のプロジェクトであれば除外をやめてください。
code-missing-translation = ルールセットが宣言したロケールに、ルールセットのテキストの翻訳がありません
    .help = ロケールの表 (ルールファイルの `translations:`、またはルールセットのロケールファイル) に翻訳を追加するか、`locales:` からそのロケールを削除してください。
code-invalid-rule = ルール、質問、または手法の形式が正しくありません
    .help = README に記載のルールファイルの形式に従ってください。
code-expr-syntax = 条件式の構文が正しくありません
    .help = 示された列の条件式を修正してください。条件式には `and`、`or`、`not`、比較、`in [...]` を使います。
code-expr-unknown-question = 条件式が存在しない質問を参照しています
    .help = ルールセットの `questions` にある ID を使ってください。
code-expr-unknown-value = 条件式が、質問にない選択肢の値を使っています
    .help = 質問で宣言された `values` のいずれかを使ってください。
code-expr-type-mismatch = 条件式が互換性のない型の値を組み合わせています
    .help = 数値は数値と、真偽値は `==`/`!=` で、選択肢はその値と比較してください。
code-unknown-source = ルールが出典カタログにない出典 ID を引用しています
    .help = ルールファイルの `sources:` にある ID を使うか (メッセージに最も近い ID を示しています)、出典をカタログに追加してください。
code-condition-order = 質問の条件が、その質問自体または後の質問を参照しています
    .help = 条件が参照する質問の後ろにその質問を移動するか、条件を変更してください。
code-rule-never-fires = 質問の型と条件からみて、ルールの条件が成立することはありません
    .help = 条件 (質問の範囲外のしきい値、矛盾する節、尋ねられることのない質問) を修正するか、ルールを削除してください。
code-question-unread = どのルールも参照しない質問があり、その回答は結果に影響しません
    .help = 質問をルールの `when` で使うか、削除してください。
code-approach-unscored = どのルールもスコアを変えられない手法があります
    .help = その手法に効果を持つルールを追加するか、手法を削除してください。
code-approaches-always-tied = どの回答の組み合わせでも、ルールの効果ではすべての手法が同点になります
    .help = 手法ごとに異なる重みを持つルールを設けてください。
code-source-not-in-catalogue = ルールセットに出典カタログがあるのに、ルールが自由記述の出典を引用しています
    .help = 出典をタイトル、発行者、URL、日付、内容とともに `sources:` に追加し、ID で引用してください。
code-plan-contradicts-recommendation = 計画している手法がルールの推奨と異なります
    .help = `planned_approach` に推奨を含めるか、推奨の根拠となった回答を見直してください。
code-plan-missing-combination = 推奨と併用すべき手法が計画に含まれていません
    .help = その手法をリストとして `planned_approach` に追加してください (例: `[fine_tuning, rag]`)。
code-plan-vetoed = 計画している手法がルールによって除外されています
    .help = 除外された手法を `planned_approach` から削除するか、実施できない原因を解消してください (例: 事例をさらに集める)。
code-fine-tuning-without-baseline = ベースラインを測定せずにファインチューニングを計画しています
    .help = まずプロンプトエンジニアリングまたは RAG のベースラインを構築して測定し、`baseline_exists: true` を設定してください。
code-answer-assumed = 未回答の質問があり、既定値を仮定しました
    .help = `answers:` ですべての質問に回答するか、`--allow-defaults` を付けて実行してください。
code-unknown-id = ルール ID、出典 ID、診断コードのいずれでもない名前です
    .help = ルール ID (`shouldtune rules show` で一覧できます)、出典 ID、または診断コードを使ってください。メッセージに最も近いものを示しています。
code-no-plan = 記述子に計画している手法がありません
    .help = 計画と推奨を比較できるよう、`planned_approach:` を追加してください。
code-overlay-in-force = 記述子が指定したルールオーバーレイが適用されています
    .help = オーバーレイが無効化、上書き、追加する内容を確認してください。`check --no-overlays` は記述子が指定するオーバーレイを拒否します。
code-overlay-refused = 記述子がルールオーバーレイを指定していますが、`--no-overlays` が指定されています
    .help = 記述子から `rules:` を削除するか、オーバーレイを許可するには `--no-overlays` を付けずに実行してください。
code-no-descriptor = 確認したパスの下に記述子が見つかりません
    .help = 記述子に `llm-project.yaml`、`llm-project.yml`、`*.llm-project.yaml` のいずれかの名前を付けるか、パスを指定してください。`shouldtune init` で作成できます。

## 診断: 見出し
severity-error = エラー
severity-warning = 警告
severity-note = 注記

## 診断: ファイルの読み込み
read-failed = `{ $name }` を読み込めません: { $reason }
io-not-found = ファイルが存在しません
io-permission-denied = アクセス権がありません
io-other = { $error }
read-pseudo-fs = `{ $name }` を読み込めません: 疑似ファイルシステム ({ $kind }) 上にあります。通常のファイルを指定してください
read-pseudo-fs-help = 記述子とルールファイルは、リポジトリ内の通常のファイルです
read-directory = `{ $name }` はディレクトリです。ファイルを指定してください
read-directory-help = `llm-project.yaml` のような記述子ファイルを指定してください
read-not-regular = `{ $name }` は通常のファイルではありません (パイプ、ソケット、またはデバイス)。ファイルを指定してください
read-not-utf8 = ファイルが有効な UTF-8 ではありません (オフセット { $offset } に不正なバイトがあります)。UTF-8 のテキストが必要です
read-too-large = `{ $name }` は { $size } バイト以上あり、上限の { $limit } バイトを超えています
read-too-large-help = 記述子とルールファイルは数 KB 程度です。意図したファイルであれば `--max-file-size` で上限を引き上げてください

## 診断: YAML とファイルの構造
load-too-large = ファイルは { $size } バイトあり、上限の { $limit } バイトを超えています
load-nul-byte = ファイルに NUL バイトが含まれています。YAML のテキストが必要です
load-empty = ファイルが空です。YAML のマッピングが必要です
load-empty-help = `examples/` にあるファイルのいずれかをもとに作成してください
load-invalid-yaml = YAML として不正です: { $detail }
load-too-deep = ネストが上限の { $limit } 階層を超えています
load-top-level = 最上位にはマッピングが必要ですが、{ $found }が指定されています
load-too-many-problems = このファイルには問題が多すぎるため、最初の { $max } 件のみを表示します
remove-one-entry = 2 つのエントリのどちらかを削除してください
unknown-key-in = { $what }に不明なキー `{ $key }` があります
did-you-mean = `{ $name }` の誤りではありませんか?
did-you-mean-one-of = `{ $name }` の誤りではありませんか? 指定できる値: { $list }
expected-one-of = 指定できる値: { $list }
missing-required-key = { $what }に必須のキー `{ $key }` がありません
add-key-label = このマッピングに `{ $key }:` を追加してください
expected-string-key = { $what }のキーには文字列が必要ですが、{ $found }が指定されています
expected-mapping = { $what }にはマッピングが必要ですが、{ $found }が指定されています
expected-list = { $what }にはリストが必要ですが、{ $found }が指定されています
expected-nonempty-string = { $what }には空でない文字列が必要です
expected-string = { $what }には文字列が必要ですが、{ $found }が指定されています
expected-bool = { $what }には `true` または `false` が必要ですが、{ $found }が指定されています
write-value = `{ $value }` と記述してください
expected-whole-number = { $what }には整数が必要ですが、{ $found }が指定されています
expected-number = { $what }には数値が必要ですが、{ $found }が指定されています
found-null = 値なし (null)
found-bool = 真偽値 `{ $value }`{" "}
found-int = 整数 `{ $value }`{" "}
found-float = 数値 `{ $value }`{" "}
found-str = 文字列 `{ $value }`{" "}
found-seq = リスト
found-map = マッピング
kind-bool = 真偽値
kind-int = 整数
kind-float = 数値
kind-str = 文字列

## 診断: 回答
expected-question-id = 質問 ID が必要ですが、{ $found }が指定されています
unknown-question = 不明な質問 `{ $id }` です
derived-answer = `{ $id }` は導出される値のため、回答できません
derived-answer-help = 削除してください。ルールが `{ $fact }` と他の回答から `{ $id }` を計算します
expected-planned-approach = `planned_approach` には手法または手法のリストが必要ですが、{ $found }が指定されています
unknown-approach = 不明な手法 `{ $name }` です
out-of-range = `{ $id }` が { $value } です。{ $range }の値が必要です
range-between = { $min } から { $max } まで
range-at-least = { $min } 以上
range-at-most = { $max } 以下
range-any = 任意
expected-choice = `{ $id }` にはその選択肢のいずれかが必要ですが、{ $found }が指定されています
not-a-value-of = `{ $value }` は `{ $id }` の選択肢にありません

## check: 計画と回答についての指摘
plan-finding-none = `planned_approach` がありません。ルールの推奨は `{ $recommended }` です
plan-finding-none-help = 計画を確認するには `planned_approach: { $plan }` を追加してください
plan-with-combination = { $message } (併用: { $with })
plan-vetoed = 計画している `{ $planned }` はルール `{ $rule }` ({ $title }) により除外されています。ルールの推奨は `{ $recommended }` です
plan-contradicts = 計画は `{ $planned }` ですが、ルールの推奨は `{ $recommended }` です
plan-contradicts-help = `{ $plan }` を計画するか、推奨の根拠となった回答を見直してください
plan-missing-combination = ルールが `{ $recommended }` と併用するよう示している `{ $missing }` が計画に含まれていません
plan-suggested = `{ $plan }` を計画してください
questions-assumed = { $count } 件の質問が未回答のため、既定値を仮定しました: { $list }
questions-assumed-help = `answers:` で回答するか、既定値を受け入れるには `--allow-defaults` を指定してください
newer-questions-assumed = 新しく追加された質問が未回答のため、既定値を仮定しました: { $list }
newer-questions-assumed-help = これらの質問は後からルールセットに追加されました。この注記を消すには回答してください
outside-repository = `{ $path }` はリポジトリの外を指しているため、読み込みません
outside-repository-help = 記述子は、確認するリポジトリ内のファイルである必要があります
overlay-refused = 記述子がルールオーバーレイ `{ $overlay }` を指定していますが、`--no-overlays` によりオーバーレイは拒否されます
overlay-refused-help = `rules:` から削除するか、`--no-overlays` を付けずに実行してください
overlay-in-force-note = 適用中のルールオーバーレイ: { $summary }
discover-help = 記述子ファイルか、検索するディレクトリを指定してください
search-failed = `{ $path }` を検索できません: { $reason }
io-no-such-file-or-directory = ファイルまたはディレクトリが存在しません

## check: 集計行とファイルごとの行
check-files = ファイル { $shown } 件
check-errors = エラー { $shown } 件
check-warnings = 警告 { $shown } 件
check-notes = 注記 { $shown } 件
check-summary-separator = 、
check-failed = {" "}(確認できなかったファイル { $shown } 件)
check-not-checked = 確認できませんでした
check-planned = 計画: { $plan }、推奨: { $recommended }
check-no-plan = 計画なし、推奨: { $recommended }
check-result-ok = 問題なし
check-col-file = ファイル
check-col-planned = 計画
check-col-recommended = 推奨
check-col-result = 結果
check-plan-none = なし
check-line = { $line } 行目

## cost: コストの見積もり (evaluate の行と cost の表)
cost-models-differ = { $model }、ファインチューニングは { $fine_tuned }
cost-break-even-developer = 開発者向けレベルは評価用 (デプロイは 24 時間後に削除) のため、本番環境での損益分岐点は示しません
cost-break-even-any = どの利用量でも、ファインチューニングのコストはプロンプトエンジニアリング以下です (トレーニング費用を除く)
cost-break-even-at = 月間 { $requests } リクエストでファインチューニングの損益が分岐します
cost-break-even-never = 運用コストの面では、ファインチューニングの損益が分岐することはありません
cost-evaluation-only = {" "}(開発者向けレベル、評価専用)
cost-summary = 月間 { $requests } リクエストの月額コスト ({ $models }、{ $table } の { $as_of }時点の価格): プロンプトエンジニアリング { $pe }、RAG { $rag }、ファインチューニング{ $evaluation } { $ft } + 初期費用 { $once }。{ $break_even }。
cost-title = 月間 { $requests } リクエストのコスト ({ $models }、価格表 { $table })
cost-shape = ファインチューニング: { $method }{ $tier }、{ $deployment } デプロイ
cost-tier = {" "}({ $tier } トレーニング)
cost-col-approach = 手法
cost-col-monthly = 月額 ({ $currency })
cost-col-once = 初期費用 ({ $currency })
cost-row-pe = プロンプトエンジニアリング
cost-row-rag = 検索拡張生成 (RAG)
cost-row-ft = ファインチューニング
cost-row-ft-evaluation = ファインチューニング (評価専用)
cost-grader = ファインチューニングの初期費用には、グレーダーのトークン分 { $amount } が含まれます。
cost-break-even-line-developer = 損益分岐点: 示しません。開発者向けレベルは評価用 (デプロイは 24 時間後に削除) であり、本番環境向けではありません。
cost-break-even-line-any = 損益分岐点: どの利用量でも、ファインチューニングのコストはプロンプトエンジニアリング以下です (トレーニング費用を除く)。
cost-break-even-line-at = 損益分岐点: 月間 { $requests } リクエスト以上で、ファインチューニングのコストはプロンプトエンジニアリング以下になります (トレーニング費用を除く)。
cost-break-even-line-never = 損益分岐点: ありません。どの利用量でも、ファインチューニングの月額コストはプロンプトエンジニアリングを上回ります。
cost-note = 注: { $note }。
cost-hours-and-tokens = `training_hours` と `training_tokens` はどちらか一方だけを指定してください
cost-hours-and-tokens-help = 時間単位の価格表と `method: rft` は `training_hours` で、トークン単位の価格表は `training_tokens` で課金されます。
cost-tokens-and-file-tokens = `training_tokens` と、`training_file_tokens` と `epochs` の組み合わせは、どちらか一方だけを指定してください
cost-tokens-and-file-tokens-help = `training_tokens` はトレーニングの総トークン数 (ファイルのトークン数 x エポック数) です。どちらかを削除してください。
cost-tokens-and-epochs = `training_tokens` はすべてのエポックを含んだ数です。代わりに `training_file_tokens` と `epochs` を指定してください
cost-tokens-and-epochs-help = `training_tokens` を `training_file_tokens` (ファイルのトークン数) に置き換えるか、`epochs` を削除してください。
cost-rft-billed-by-hours = `method: rft` は `{ $key }` ではなく `training_hours` で課金されます
cost-rft-billed-by-hours-help = `{ $key }` を削除するか、トークン単位のトレーニングには `method: sft` または `dpo` を使ってください。
cost-rft-only = `{ $key }` は `method: rft` でのみ指定できます
cost-rft-only-help = モデルグレーダーを使う強化ファインチューニングには `method: rft` を設定するか、グレーダーのキーを削除してください。
cost-grader-incomplete = モデルグレーダーには `grader_model`、`grader_input_tokens`、`grader_output_tokens` が必要ですが、`{ $key }` がありません
cost-grader-incomplete-help = `{ $key }` を追加するか、モデルグレーダーを使わないジョブではグレーダーのキーを削除してください。
cost-provisioned-needs-ptu = `deployment: provisioned` には `ptu_hours_per_month` と `ptu_hourly_rate` が必要です (料金は契約によるため、価格表からは分かりません)
cost-provisioned-needs-ptu-help = `ptu_hours_per_month` (ユニット数 x 時間) と `ptu_hourly_rate` (PTU 1 時間あたりの料金) を追加してください。
cost-provisioned-not-hosting = プロビジョンドデプロイは `hosting_hours_per_month` ではなく `ptu_hours_per_month` で課金されます
cost-provisioned-not-hosting-help = `hosting_hours_per_month` を削除してください。
cost-provisioned-only = `{ $key }` は `deployment: provisioned` でのみ指定できます
cost-provisioned-only-help = `deployment: provisioned` を設定するか、PTU のキーを削除してください。
cost-price-help = 価格表に価格があるモデルと設定を選ぶ (`shouldtune cost --table ID` で一覧を表示できます) か、`--pricing FILE` で価格を指定してください。
cost-price-rft-help = 価格表にはこのモデルの強化ファインチューニングの価格があります。`method: rft` を設定してください。
cost-prices-as-of = { $as_of }時点の価格 (出典: { $source })。
cost-prices-change = 価格は変わります。最新の価格は `--pricing FILE` で指定してください (形式は rules/pricing/*.yaml と同じ)。
cost-assumed = 仮定した設定
cost-stale-prices = 価格表 `{ $table }` の日付は { $as_of } で、{ $today } より 1 年以上前です。価格が変わっている可能性があります。最新の価格を `--pricing FILE` で指定してください

## ask: プロンプトとキー操作の案内
ask-keys = Enter: 既定値を採用 · Esc: 前に戻る · Ctrl-C: 保存して終了
ask-project-name = プロジェクト名は?
ask-progress-project = プロジェクト
ask-progress-question = 質問 { $number }/{ $total }
ask-progress-plan = 計画
ask-plan = チームはどの手法を採る予定ですか?
ask-plan-help = `shouldtune check` で計画と推奨を比較します
ask-plan-none = 未定 (後で決める)
ask-plan-recommended = {" "}(推奨)
ask-yes = はい
ask-no = いいえ
ask-default-yes = Y/n
ask-default-no = y/N
ask-yes-no-error = y または n を入力するか、Enter で既定値を採用してください
ask-at-least = { $min } 以上の値を入力してください
ask-at-most = { $max } 以下の値を入力してください
ask-whole-number = 整数を入力してください (例: { $default }。30,000 や 30k とも書けます)
ask-filter = 入力して絞り込み
ask-default-choice = { $choice } (既定)
ask-progress-save = 保存
ask-save = { $path } に保存しますか?
ask-save-help = Enter: 保存 · n: 破棄
ask-not-saved = 保存しませんでした
ask-saved = `{ $path }` に保存しました。確認するには: shouldtune check { $path }
ask-overwrite-complete = { $path } は既に存在し、完成しています。上書きしますか?
ask-overwrite-appeared = 回答中に { $path } が作成されました。上書きしますか?
ask-overwrite-changed = 回答中に { $path } が変更されました。上書きしますか?
ask-overwrite-help = Enter: 元のファイルを残して隣に保存 · y: 上書き
ask-kept-beside = `{ $kept }` はそのまま残しました。回答はその隣の `{ $path }` にあります
ask-interrupted-nothing = 回答前に中断したため、何も保存していません
ask-interrupted-saved = 中断しました: { $answers }を `{ $path }` に保存し、未完了として記録しました
ask-resume-with = 再開するには: shouldtune ask --save { $path }
ask-prefilled = `{ $path }` から { $answers }を入力済みにしました{ $listed }
ask-resuming = `{ $path }` を再開します (回答済み: { $answers })
ask-answers = { $count } 件の回答
ask-no-cost-line = コストの行を表示できません: { $error }
ask-costs-from = コストは `{ $file }` の `cost:` セクションで計算しています (docs/costs.md を参照)。
ask-costs-default = コストは既定の価格表とモデルで計算しています。別の価格表、モデル、デプロイで計算するには、保存したファイルに `cost:` セクションを追加してください (docs/costs.md を参照)。
ask-your-answers = 回答

## check: descriptors hidden by ignore files
ignored-descriptors = { $count ->
    [one] { $count } 件の記述子を確認していません（`.gitignore` または `.ignore` で除外されています）
   *[other] { $count } 件の記述子を確認していません（`.gitignore` または `.ignore` で除外されています）
}
ignored-descriptors-help = すべての記述子を確認するには `--no-ignore` を付けて実行してください

## explain
explain-rule = ルール { $id }: { $title }
explain-plan-rule = 計画ルール { $id }: { $title }
explain-advice-rule = 助言ルール { $id }: { $title }
explain-defined-in = 定義: { $file }:{ $line }
explain-what-it-checks = 確認する内容
explain-fires-always = 回答にかかわらず適用されます。
explain-fires-when = 次の条件で適用されます: { $condition }
explain-as-written = 記述された条件: `{ $condition }`
explain-only-when-recommended = ただし、推奨が { $list } の場合に限ります。
explain-only-when-planned = ただし、`planned_approach` に { $list } が含まれる場合に限ります。
explain-effects = 効果
explain-scores = スコア: { $list }
explain-rules-out = 除外: { $list }
explain-keeps-alongside = 推奨と併用: { $list }
explain-reports-finding = 計画についての指摘を、重大度 { $severity }、ID `{ $id }` で報告します。
explain-never-changes = 推奨を変えることはありません。
explain-next-step = 次のステップ: { $step }
explain-why = 理由
explain-sources = 出典
explain-free-text = { $text } (自由記述。出典カタログにはありません)
explain-example = 例
explain-example-defaults = すべての回答が既定値のままで適用されます:
explain-example-descriptor = 次の記述子で適用されます (記載のない回答は既定値):
explain-example-impossible = 例はありません: 条件が成立することはありません (`shouldtune rules check` を参照)。
explain-example-not-found = 例が見つかりません: 適用される回答を見つける前に、質問の値の探索を打ち切りました。
explain-source = 出典 { $id }: { $title }
explain-what-it-says = 内容
explain-cited-by = 引用しているルール
explain-no-rule = なし
explain-code = 診断コード { $code }: { $summary }
explain-how-to-fix = 対処
explain-reported-by = 使用中のルールセットの計画ルール `{ $rule }` が報告します。
explain-unknown-id = `{ $id }` はルール ID、出典 ID、診断コードのいずれでもありません
explain-unknown-id-help = 最も近いのは { $list } です。ルールの一覧は `shouldtune rules show` で表示できます

## 意思決定記録 (MADR)
adr-title = { $name } に{ $plan }を採用する
adr-with = と
adr-considered-options = 検討した選択肢
adr-context = 背景と課題
adr-question = { $name } は{ $options }のどれに投資すべきでしょうか。プロジェクトは以下の質問に回答し、shouldtune が公開されたガイダンスに照らして回答を採点しました。
adr-col-question = 質問
adr-col-answer = 回答
adr-col-from = 出所
adr-from-given = 回答済み
adr-from-assumed = 仮定 (既定値)
adr-from-derived = 導出 (コストモデル)
adr-from-not-applicable = 該当なし
adr-drivers = 決定の要因
adr-ruled-out = { $approach } 除外
adr-rule-source = ルール `{ $rule }`、出典: { $source }
adr-outcome = 決定の結果
adr-because-tie = 除外されていない選択肢の中で最高スコア ({ $score }) に並び、最もシンプルなため
adr-because-highest = 除外されていない選択肢の中で最もスコアが高い ({ $score }) ため
adr-chosen = 選択した選択肢: 「{ $option }」。{ $because }です。
adr-keep-alongside = 併用: { $list }。
adr-col-option = 選択肢
adr-ruled-out-by = 除外 ({ $rule })
adr-chosen-status = 選択
adr-consequences = 影響
adr-no-follow-up = 回答から導かれるフォローアップはありません。
adr-next-step = 次のステップ: { $step }
adr-cost = コスト: { $line }
adr-plan = 計画 ({ $severity } { $id })
adr-assumed = 未回答の質問には保守的な既定値を使いました。確認してください: { $list }。
adr-overlay = ルールオーバーレイ { $summary } を適用して決定しました。
adr-confirmation = 確認
adr-revisit = 次のいずれかの回答が変わったら、この決定を見直してください:
adr-pros-and-cons = 各選択肢の長所と短所
adr-bad-ruled-out = 短所: 除外されています。{ $because } (ルール { $rule })
adr-good = 長所: { $title } ({ $weight }、ルール { $rule })
adr-bad = 短所: { $title } ({ $weight }、ルール { $rule })
adr-neutral = 中立: 適用されたルールのどれもこの選択肢に影響しません
adr-more-information = 詳細情報
adr-generated = `shouldtune evaluate --format adr` で生成しました。回答を変更したら再実行してください。理由が引用している出典:
adr-no-sources = なし (適用されたルールはありません)

## init: 作成する記述子のコメント
init-header = この LLM プロジェクトについて shouldtune が必要とする情報です。
    `shouldtune init` が作成しました。
    すべての質問に既定値 (保守的な回答) が入っています。
    当てはまらない回答を変更してから、このファイルに
    `shouldtune evaluate` または `shouldtune check` を実行してください。
init-description = プロジェクトの内容を 1 行で
init-plan = 構築する予定の手法: 1 つの手法またはリスト (例: [fine_tuning, rag])。
    手法: { $approaches }。
    計画が推奨と矛盾すると `check` は失敗します。
    以下の回答のままなら、ルールはこの計画を推奨します。
init-overlays = `--rules { $flags }` を指定して作成しました。
    このファイルからの相対パスでオーバーレイをここに記述すると、
    `check` はフラグなしでそれらを使います:
init-allowed = 指定できる値: { $allowed }。
init-allowed-bool = true または false
init-allowed-between = { $min } から { $max } までの整数
init-allowed-at-least = { $min } 以上の整数
init-allowed-at-most = { $max } 以下の整数
init-allowed-int = 整数
init-allowed-choice = { $values } のいずれか
init-read-when = { $condition } の場合のみ参照します。
init-wrote = `{ $path }` を作成しました: すべての質問が既定値です。回答を編集してから `shouldtune check` を実行してください
init-exists = `{ $path }` は既に存在します
init-exists-help = 編集するか、`--force` で置き換えるか、別のファイル名を指定してください

## Web ページ (`shouldtune serve`)
web-question = プロンプトエンジニアリング、RAG、ファインチューニングのどれを選ぶか
web-intro = 質問に回答すると、推奨がその場で更新されます。何も保存されないため、終わったら回答をダウンロードしてください。
web-skip = 推奨へ移動
web-questions = 質問
web-start-from-file = ファイルから始める
web-load = { $file } を読み込む
web-drop = このページのどこかにファイルをドロップすることもできます。
web-project-name = プロジェクト名
web-default-name = LLM プロジェクト
web-number = { $number }/{ $total }
web-default-mark = {" "}(既定)
web-default-option = { $choice } - 既定
web-default = 既定値:
web-result = 結果
web-working = 推奨を計算しています…
web-download-yaml = llm-project.yaml をダウンロード
web-download-html = HTML レポートをダウンロード
web-download-adr = 意思決定記録 (ADR) をダウンロード
web-note-rules = このファイルは `rules:` でルールオーバーレイを指定していますが、このページは `shouldtune serve` の起動時のルールセット (`--rules`) を使います。ダウンロードするファイルには残ります。
web-note-cost = このファイルの `cost:` セクションで、`shouldtune evaluate` と同じようにコストを計算します。ダウンロードするファイルにも残ります。
web-js-unreachable = サーバーに接続できません。`shouldtune serve` は実行中ですか?
web-js-unreachable-short = サーバーに接続できません。
web-js-fix-answers = 推奨を表示するには、強調表示された回答を修正してください。
web-js-recommended = 推奨: {"{"}0{"}"}。
web-js-cannot-load = {"{"}0{"}"} を読み込めません:
web-js-loaded = {"{"}0{"}"} を読み込みました。

## 診断: ルールファイル
rules-version-unsupported = ルールファイルのバージョン `{ $version }` はサポートされていません。このビルドが読めるのはバージョン { $supported } です
rules-cannot-extend = `{ $name }` は拡張できません
rules-cannot-extend-help = 名前で拡張できるルールセットは `default` だけです。
rules-disable-nothing = 無効にする既存のルール `{ $id }` がありません
rules-disable-help = `disable` には、前のファイルで定義されたルールを指定します。
rules-max-below-min = `max` ({ $max }) が `min` ({ $min }) より小さくなっています
rules-choice-twice = 選択肢の値 `{ $value }` が 2 回指定されています
rules-choice-two-values = 選択式の質問には 2 つ以上の値が必要です
rules-ask-when-reads-itself = `{ $id }` を質問する条件が、その質問自身を参照しています
rules-ask-when-reads-later = `{ $id }` を質問する条件が、後で質問する `{ $later }` を参照しています
rules-ask-when-help = 質問の条件で参照できるのは、その質問より前に尋ねる質問だけです。
rules-derived-boolean = 導出される事実 `{ $name }` は真偽値です
rules-derived-boolean-help = `type: boolean` と記述してください。
rules-weight-range = 重み { $weight } は範囲外です。-1000 から 1000 の値を指定してください
rules-advice-scores = ルール `{ $id }` は推奨結果に依存する (`when_recommended`) ため、スコア付けや拒否 (veto) はできません
rules-advice-scores-help = スコア付けのルールと助言のルールに分けてください。
lint-rule-never-fires = ルール `{ $id }` は発火することがありません。`{ $condition }` が成り立つ回答はありません
lint-rule-never-fires-help = しきい値を質問の範囲と照らし合わせ、質問が尋ねられる条件も確認してください。
lint-question-unread = 質問 `{ $id }` を読むルールがないため、その回答は結果を変えません
lint-approach-unscored = 発火しうるルールのうち、アプローチ `{ $id }` にスコアを付ける、または拒否 (veto) するものがありません
lint-source-not-in-catalogue = ルール `{ $id }` が引用する `{ $text }` は出典カタログにありません
lint-source-not-in-catalogue-help = 出典を `sources:` に追加し (タイトル、発行者、URL、日付、要旨)、その id を引用してください。
lint-approaches-always-tied = 発火しうるルールにアプローチ間で重みの異なるものがないため、どの回答でも同点になり、常に最初のアプローチが選ばれます
rules-does-nothing = ルール `{ $id }` には効果がありません
rules-does-nothing-help = `effects`、`veto`、`combine_with`、`next_step`、`when_planned` のいずれかを指定してください。
rules-plan-rule-mixed = ルール `{ $id }` は計画を判定する (`when_planned`) ため、スコア付け、拒否 (veto)、組み合わせ、助言はできません
rules-plan-rule-mixed-help = 計画のルールと、スコア付けまたは助言のルールに分けてください。
rules-plan-needs-severity = 計画のルール `{ $id }` には `severity` が必要です
rules-plan-needs-severity-help = `severity: error`、`severity: warning`、`severity: note` のいずれかを追加してください。
rules-severity-without-plan = `severity` は計画のルール専用ですが、ルール `{ $id }` には `when_planned` がありません
rules-severity-without-plan-help = `when_planned: [approach, ...]` を追加するか、`severity` を削除してください。
rules-source-empty = `source` に何も指定されていません
rules-source-empty-help = 出典 ID または自由記述の出典を 1 つ以上指定してください。
rules-unknown-source = `{ $text }` は出典カタログにありません
rules-unknown-source-did-you-mean = `{ $name }` の誤りではありませんか? または `{ $text }` を `sources:` に追加してください。
rules-unknown-source-help = `{ $text }` を `sources:` に追加するか、出典を文章で記述してください。
rules-source-id-kebab = 出典 ID `{ $text }` はケバブケース (`a-z` と `0-9` の単語を `-` でつないだもの) にしてください
rules-url-character = `url` に URL に使えない文字 { $char } が含まれています
rules-url-character-help = パーセントエンコードしてください (空白は `%20`)。
rules-url-absolute = `url` は `https://` または `http://` で始まる絶対アドレスにしてください
rules-date-format = `date` が `{ $text }` です。`YYYY-MM-DD`、`YYYY-MM`、`YYYY` のいずれかの形式で指定してください
rules-nothing-to-override-help = 新しい定義として追加するには `override: true` を削除してください。
rules-locales-need-en = `locales` には `en` を含めてください。ルールファイルのテキストは英語で記述します
rules-locales-need-en-help = `locales: [en, ja]` と記述してください。
rules-unknown-locale = 不明なロケール `{ $name }` です
rules-locale-not-listed = `{ $locale }` の翻訳がありますが、ルールセットの `locales` に含まれていません
rules-locale-not-listed-help = ルールファイルの `locales:` に `{ $locale }` を追加してください。
rules-translation-empty = 翻訳された `{ $field }` が空です
rules-translation-empty-help = 翻訳を記述するか、キーを省略して英語のテキストを表示してください。
rules-labels-not-choice = 質問 `{ $id }` は選択式ではないため、ラベルを付ける値がありません
pricing-default-model-unknown = `default_model` の `{ $name }` が `models` にありません。`models` にあるのは { $names } です
pricing-as-of-date = `as_of` には `2023-10-16` のような日付を指定してください。指定された値は `{ $text }` です
pricing-per-1k-and-per-1m = `{ $k }` と `{ $m }` はどちらか一方だけを指定してください

## 診断: 条件式
expr-unknown-question = 不明な質問 `{ $name }` です
expr-unexpected-character = 予期しない文字 `{ $char }` があります
expr-too-deep = 条件式で `not` と括弧が { $levels } 段より深く入れ子になっています
expr-compare-integer = 比較してください (例: `{ $name } >= 1`)。
expr-compare-choice = 比較してください (例: `{ $name } == <value>` または `{ $name } in [...]`)。
expr-number-not-condition = `{ $value }` は整数で、条件ではありません
expr-not-a-condition = `{ $name }` は{ $kind ->
    [integer] 整数の質問
   *[choice] 選択式の質問
}で、条件ではありません
expr-string-not-condition = `"{ $value }"` は文字列で、条件ではありません
expr-too-long = 条件式が { $len } バイトあり、上限の { $max } バイトを超えています
expr-too-long-help = 複数のルールに分けてください。
expr-trailing = 条件式の終わりの後に予期しない { $token } があります
expr-trailing-help = 条件は `and` または `or` でつないでください。
expr-single-equals = `=` は演算子ではありません
expr-single-equals-help = 比較には `==` を使ってください。
expr-bang = `!` は演算子ではありません
expr-bang-help = 否定には `not` を、比較には `!=` を使ってください。
expr-string-not-closed = 文字列が閉じられていません
expr-string-not-closed-help = 閉じる { $quote } を追加してください。
expr-bad-number = `{ $text }` は整数ではありません
expr-write-and = `and` と記述してください。
expr-write-or = `or` と記述してください。
expr-expected-list = `in` の後には `[` が必要ですが、{ $found } があります
expr-expected-list-help = 値はリストで記述してください (例: `in [weekly, daily]`)。
expr-expected-comma = リストには `,` または `]` が必要ですが、{ $found } があります
expr-keyword-operand = 質問 ID または値が必要ですが、キーワード `{ $name }` があります
expr-expected-paren = `)` が必要ですが、{ $found } があります
expr-close-paren-help = ここで開いた括弧を閉じてください。
expr-expected-operand = 質問 ID または値が必要ですが、{ $found } があります
expr-ends-early = 条件式が途中で終わっています。{ $expected ->
    [open-list] `in` の後に `[` が必要です
    [close-list] リストを閉じる `]` が必要です
    [close-paren] `)` が必要です
   *[operand] 質問 ID または値が必要です
}
expr-bool-order = `{ $op }` には整数が必要です。真偽値は `==` または `!=` でのみ比較できます
expr-cannot-compare = { $lhs } と { $rhs } は比較できません
expr-operand = { $text } ({ $kind ->
    [boolean] 真偽値
    [integer] 整数
    [choice] 選択式
   *[string] 文字列
})
expr-operand-condition = 条件
expr-choice-order = `{ $op }` には整数が必要ですが、`{ $id }` は選択式の質問です
expr-choice-order-help = 選択肢は `==`、`!=`、`in [...]` のいずれかで比較してください。
expr-empty-list = `in` の後のリストが空です
expr-empty-list-help = 値を 1 つ以上指定してください。
expr-in-needs-choice = `in` の左辺には選択式の質問が必要ですが、{ $found } があります
expr-choice-not-bool = `{ $id }` は選択式の質問です。`{ $value }` はその選択肢にありません
expr-choice-only-values = `{ $id }` は選択式の質問で、その選択肢の値とだけ比較できます
expr-column = 条件式の { $column } 列目

## メッセージが指す対象 (`load::What`): キー、または言葉で表す対象
what = { $thing ->
    [rule-file] ルールファイル
    [source] 出典
    [approach] 手法
    [question] 質問
    [rule] ルール
    [id] { $kind ->
        [approach] 手法 ID
        [question] 質問 ID
        [rule] ルール ID
        [choice-value] 選択肢の値
       *[source] 出典 ID
    }
    [effect-weight] 効果の重み
    [locale] ロケール
    [translation-file] 翻訳ファイル
    [translations] `{ $name }` の翻訳
    [translation-of] { $kind ->
        [approach] 手法
        [question] 質問
        [rule] ルール
       *[source] 出典
    } `{ $name }` の翻訳
    [choice-question] 選択式の質問
    [choice-value] 選択肢の値
    [descriptor] 記述子
    [rule-test-file] ルールテストファイル
    [casebook-case] 事例集の事例
    [test-case] テストケース
    [next-step] 次のステップ
    [price-table] 価格表
    [model-name] モデル名
    [model] モデル `{ $name }`{" "}
    [model-key] モデル `{ $name }` の `{ $key }`{" "}
   *[key] `{ $name }`{" "}
}
kind = { $kind ->
    [approach] 手法
    [question] 質問
    [rule] ルール
   *[source] 出典
}

## 診断: ルールファイル (定義、ID、キー)
rules-more-problems = ルールファイルには、表示していない問題があと { $count } 件あります
rules-key-not-allowed = ここでは `{ $key }` を指定できません。この質問は{ $kind ->
    [boolean] 真偽値
    [integer] 整数
   *[choice] 選択式
}です
rules-unknown-type = 不明な質問の種類 `{ $name }` です
rules-derived-ask-when = 導出される事実は質問されないため、`ask_when` は指定できません
rules-unknown-derived = 不明な導出される事実 `{ $name }` です
rules-expected-condition = 条件 (文字列) が必要ですが、{ $found }が指定されています
rules-expected-approach-list = `{ $key }` には手法のリストが必要ですが、{ $found }が指定されています
rules-two-weights = この手法に重みが 2 つ指定されています
rules-unknown-severity = 不明な重大度 `{ $name }` です
rules-empty = ルールセットが空です
rules-two-approaches = ルールセットには、選択肢となる手法が 2 つ以上必要です
rules-all-vetoed = すべての手法が除外される可能性があり、回答によっては推奨できる手法がなくなります
rules-all-vetoed-help = どのルールも除外しない手法 (通常は最もシンプルな手法) を 1 つ以上残すか、除外の条件が互いに重ならないようにしてください。
rules-id-format = { $what } `{ $text }` は英小文字で始め、`a-z`、`0-9`、`_`、`-` だけを使ってください
rules-nothing-to-override = { $kind } `{ $id }` には `override` が指定されていますが、前のファイルに定義がありません
rules-defined-twice = { $kind } `{ $id }` が 2 回定義されています
rules-defined-twice-remove = 別の ID を付けるか、`{ $id }` の定義のどちらかを削除してください。
rules-defined-twice-override = 別の ID を付けるか、`override: true` を追加して `{ $id }` の前の定義を置き換えてください。
defined-again-here = ここで再定義
first-defined-here = 最初の定義
rules-nothing-to-translate = ルールセットに、翻訳対象の{ $kind } `{ $id }` がありません
unknown-kind = 不明な{ $kind } `{ $id }` です
ruletest-unknown-split = 不明な分割 `{ $name }` です
overlay-expected-paths = `rules` にはルールファイルのパスのリストが必要ですが、{ $found }が指定されています
overlay-expected-path = ルールファイルのパスが必要ですが、{ $found }が指定されています
overlay-outside-repository = ルールファイル `{ $name }` はリポジトリの外にあるため、読み込みません
overlay-outside-repository-help = オーバーレイのルールファイルは、記述子を含むリポジトリの中に置いてください
overlay-directory = ルールファイル `{ $name }` はディレクトリです。ファイルを指定してください
overlay-not-regular = ルールファイル `{ $name }` は通常のファイルではありません (パイプ、ソケット、またはデバイス)。ファイルを指定してください
overlay-read-failed = ルールファイル `{ $name }` を読み込めません: { $reason }

## 診断: 価格表
pricing-needs-model = 価格表にはモデルが 1 つ以上必要です
pricing-negative = { $what }が負の値です。価格は 0 以上にしてください
pricing-per-1k-overflow = この価格は 1,000 トークンあたりの価格に換算できません
pricing-tier-missing = { $what }には `regional`、`global`、`developer` の少なくとも 1 つの価格が必要です
pricing-one-training-price = { $what }に { $list } が指定されています。トレーニングの価格は 1 つだけ指定してください
pricing-increment-positive = `billing_increment_minutes` は正の整数にしてください
pricing-goes-with = `{ $key }` は `{ $with }` と組み合わせて指定します
pricing-no-prices = { $what }に価格がありません。トレーニングの価格 (`training_per_hour`、`training_per_1k_tokens`、`training_per_1m_tokens`、`rft_training_per_hour`)、`hosting_per_hour`、`base` のトークン価格のいずれかを指定してください
pricing-needs-side = { $what }には `{ $k }` または `{ $m }` が必要です

## 診断: YAML ドキュメント
yaml-parser-error = { $text }
yaml-several-documents = ファイルに YAML ドキュメントが複数あります。ドキュメントは 1 つにしてください
yaml-tags = YAML のタグ (`!name`) はここでは使えません
yaml-alias-undefined = エイリアスが、それより前に定義されていないアンカーを参照しています
yaml-alias-limit = エイリアスを展開すると { $max } ノードを超えるため、展開しません
yaml-duplicate-key = キー `{ $key }` が同じマッピングに 2 回あります

## explain: 条件を言葉で表す
cond-always = 常に成立
cond-never = 成立しない
cond-true = { $name } が true
cond-false = { $name } が false
cond-is = { $name } が { $value }
cond-is-not = { $name } が { $value } 以外
cond-not = ({ $condition }) ではない
cond-and = {" "}かつ{" "}
cond-or = {" "}または{" "}
cond-same-truth = ({ $lhs }) と ({ $rhs }) の真偽が同じ
cond-differs = ({ $lhs }) と ({ $rhs }) の真偽が異なる
cond-compare = { $lhs } が { $rhs }{ $op ->
    [eq] {""}
    [ne] {" "}以外
    [lt] {" "}未満
    [le] {" "}以下
    [gt] {" "}を超える
   *[ge] {" "}以上
}
cond-alternatives = { $init }、{ $last }
cond-one-of = { $name } が { $list } のいずれか
cond-none-of = { $name } が { $list } のいずれでもない

## check --format sarif
sarif-repository-root = リポジトリのルート。

## cost --tables と cost --table ID
cost-tables-line = { $as_of }、{ $currency }、{ $models }
cost-tables-default = `cost.price_table` のない記述子は `{ $table }` で価格を計算します。
cost-table-heading = { $id } ({ $currency }、{ $as_of }時点)
cost-table-source = 出典: { $source }
cost-table-caveat = 注意: { $caveat }
cost-table-default-model = 既定のモデル: { $model }
cost-table-read-from = 読み込み元: { $file }
cost-table-training-hour = トレーニング (SFT): 1 時間あたり { $currency } { $price }、{ $minutes } 分単位で課金 (regional)
cost-table-training-tokens = トレーニング (SFT、DPO)、トレーニングトークン 100 万あたり: { $list }
cost-table-rft = 強化ファインチューニング: コアトレーニング 1 時間あたり { $currency } { $price }{ $cap }
cost-table-rft-cap = 。ジョブは課金が { $currency } { $price } に達すると一時停止し、再開するまで止まります
cost-table-hosting = ホスティング (1 時間あたり): { $list }
cost-table-tokens = トークン ({ $currency }): { $prices }
cost-table-fine-tuned-tokens = ファインチューニング済みモデルのトークン ({ $currency }): { $prices }
cost-table-token-prices = 入力 100 万あたり { $input }、出力 100 万あたり { $output }
cost-table-per-1k = 1,000 あたり { $price }
cost-unknown-table = 不明な価格表 `{ $id }` です
cost-the-tables-are = 価格表: { $list }
cost-needs-file = `cost` には記述子の FILE、`--tables`、`--table ID` のいずれかが必要です
cost-chart-failed = グラフを描けません: { $error }

## cost: 指定のない設定に値を仮定した理由と、金額についての注記
cost-reason = { $reason ->
    [default-table] 既定の価格表
    [default-model] 価格表の既定のモデル
    [baseline-model] ベースラインのモデルをファインチューニング
    [sft] 教師ありファインチューニング
    [standard-deployment] 時間単位のホスティング料金がかかる標準デプロイ
    [short-answer] 一般的な短い回答
    [tenth-of-prompt] prompt_tokens の 10 分の 1。指示と例はモデルに移る
    [three-passages] 約 500 トークンの検索結果 3 件
    [all-month] 1 か月間デプロイしたまま
    [small-job] 小規模なトレーニングジョブ
    [no-grader] モデルグレーダーなし
    [regional-training] データ所在地を保つリージョンの標準トレーニング
    [three-epochs] トレーニングファイルを 3 周
   *[file-tokens] examples_available x (fine_tuned_prompt_tokens + output_tokens)
}
cost-note-developer = 開発者向けレベル: デプロイは 24 時間後に削除されます。ファインチューニングの金額は評価用のコストで、本番環境のコストではなく、損益分岐点もありません
cost-note-job-cap = トレーニングジョブは課金が { $currency } { $amount } に達すると一時停止します。この金額はジョブを再開し、その後も課金が続く前提です

## cost: 記述子の `cost:` セクションの、見積もりに使えない値
cost-unknown-value = `{ $key }` に指定された `{ $value }` は使えません
cost-negative = `{ $key }` が { $value } です。0 以上の値を指定してください
cost-too-large = { $what }が大きすぎて計算できません (計算できる金額の上限は { $max } です)
cost-too-large-help = `prompt_tokens`、`monthly_requests`、`cost:` のトークン数、価格表の価格を確認してください。
cost-too-many-tokens = { $what }が { $max } トークンを超えています
cost-too-many-tokens-help = `prompt_tokens`、`examples_available`、`cost:` のトークン数を確認してください。
cost-quantity = { $what ->
    [monthly-hosting] 月額のホスティング料金
    [monthly-ptu] 月額の PTU 料金
    [fine-tuned-request] ファインチューニング済みモデルへのリクエスト 1 件の料金
    [prompt-engineering-request] プロンプトエンジニアリングのリクエスト 1 件の料金
    [rag-request] RAG のリクエスト 1 件の料金
    [rag-prompt] RAG のプロンプトのトークン数
    [one-time] 初期費用
    [monthly] 月額コスト
    [billed-training-time] 課金対象のトレーニング時間
    [training-cost] トレーニング費用
    [grader-tokens] グレーダーのトークンの料金
    [training-tokens] トレーニングのトークン数
    [training-example] トレーニング例 1 件のトークン数
   *[training-file] トレーニングファイルのトークン数
}
cost-the-tables-are-or-add = 使える価格表は { $list } です。`--pricing FILE` で価格表を追加することもできます。
cost-no-default-model = 価格表 `{ $table }` にはトークン単価のあるモデルがありません。`cost.model` でモデルを指定してください
cost-unknown-model = 価格表 `{ $table }` にモデル `{ $model }` はありません。この価格表にあるのは { $models } です
cost-missing-price = 価格表 `{ $table }` には、`{ $model }` の次の価格がありません: { $what }。`{ $model }` にある価格: { $has }
cost-price-tokens = トークン単価
cost-price-hosting = ホスティング料金 (デプロイ `{ $deployment }`)
cost-price-tier = トレーニング価格 (`{ $tier }`)
cost-price-supervised = 教師ありトレーニングの価格
cost-price-rft = 強化ファインチューニングの価格
cost-has-hourly-training = 時間単位のトレーニング (regional)
cost-has-token-training = トークン単位のトレーニング ({ $tiers })
cost-has-rft = 時間単位の強化ファインチューニング
cost-has-hosting = ホスティング ({ $deployments })
cost-has-token-prices = トークン単価
cost-has-nothing = 価格なし
cost-has-and = { $all }、{ $next }

## plot: コストのグラフ (`cost --plot`、HTML レポート)
plot-caption = { $name }: 手法別の月額コスト ({ $model }、{ $table }、{ $as_of }時点の価格)
plot-x = 月間リクエスト数 (対数目盛)
plot-y = 月額コスト ({ $currency }、対数目盛)
plot-prompt-engineering = プロンプトエンジニアリング
plot-rag = 検索拡張生成 (RAG)
plot-fine-tuning = ファインチューニング (ホスティングを含む)
plot-fine-tuning-evaluation = ファインチューニング (開発者向けレベル、評価専用)
plot-this-project = このプロジェクト: { $requests } リクエスト
plot-break-even = 損益分岐点: { $requests } リクエスト

## descriptor: 中断した質問票が保存した記述子
descriptor-incomplete = この記述子には `incomplete` が付いています。記述子を書いた質問票が中断されました
descriptor-incomplete-help = `shouldtune ask --save { $name }` で回答を最後まで入力してください。

## バイナリ: 書き込むファイルと、操作が失敗した理由
write-failed = `{ $path }` に書き込めません: { $reason }
output-write-failed = 出力を書き込めません: { $reason }
io-already-exists = ファイルが既に存在します
io-read-only = 読み取り専用のファイルシステムです
io-storage-full = デバイスの空き容量がありません
io-is-a-directory = ディレクトリです
io-not-a-directory = パスの途中にディレクトリでないものがあります
io-address-in-use = アドレスは既に使われています
io-address-not-available = アドレスを使えません
io-broken-pipe = 出力先が閉じられました (broken pipe)
io-not-regular = 通常のファイルではありません
ask-save-regular-help = `--save` には `ask` が書き込む記述子ファイルを指定します。通常のファイルを選んでください
directory-unresolved = `{ $name }` の場所を解決できません: { $reason }
spool-failed = { $what }を保持する一時ファイル（`{ $dir }` 内）を{ $action ->
        [created] 作成
        [written] 書き込み
       *[read] 読み戻し
    }できませんでした: { $reason }
spool-junit-cases = JUnit のテストケース
spool-markdown-rows = Markdown の表の行
spool-markdown-details = Markdown の詳細
man-no-page = `{ $name }` のマニュアルページはありません
man-pages = 指定できるページ: { $list }
check-root-not-a-directory = `--root { $path }` はディレクトリではありません
check-root-not-a-directory-help = リポジトリの最上位のディレクトリを指定するか、`--root` を省略して `.git` のあるディレクトリを使ってください。
check-output-twice = `{ $path }` が 2 つの `-o` オプションで指定されています
check-output-twice-help = レポートごとに別のファイルを指定してください。
check-output-help = `-o FORMAT=PATH` には、書き込みできる既存のディレクトリ内のパスを指定してください。
check-no-descriptor = { $paths } の下に記述子が見つかりません
check-no-descriptor-help = 記述子には `llm-project.yaml` または `*.llm-project.yaml` という名前を付けるか、パスを直接指定してください。`shouldtune init` で記述子を作成できます。
ask-no-terminal = `ask` には対話できる端末が必要ですが、標準入力が端末ではありません
ask-no-terminal-help = 対話なしで記述子を評価するには `shouldtune evaluate FILE` を、CI では `shouldtune check` を実行してください。
ask-cannot-save = 回答を `{ $path }` に保存できません: { $reason }
ask-cannot-save-help = 回答は代わりに標準出力に表示しました。ファイルにコピーするか、書き込みできる FILE を指定して `shouldtune ask --save FILE` を実行してください。
cost-plot-force-help = 置き換えるには `--force` を付けてください。
cost-chart-written = グラフを `{ $path }` に書き込みました
serve-cannot-listen = 127.0.0.1:{ $port } で待ち受けできません: { $reason }
serve-cannot-listen-help = `--port N` で別のポートを選ぶか、`--port 0` で空いているポートを使ってください。
serve-listening = 質問票を { $url } で公開しています (127.0.0.1 のみ。Ctrl-C で終了します)。
serve-no-browser = ブラウザーを開けません ({ $reason })。{ $url } を手動で開いてください

## rules check と rules show
rules-check-summary = 手法 { $approaches } 件、質問 { $questions } 件、ルール { $rules } 件: 警告 { $warnings } 件
rules-show-col-rule = ルール
rules-show-col-when = 条件
rules-show-col-effects = 効果
rules-show-col-source = 出典
rules-show-vetoed = { $approach } 除外
rules-show-with = { $approach } と併用
rules-show-advice-when = 推奨が { $approaches } のときの助言

## rules test: 実行結果の報告
ruletest-running = { $count } 件のテストを実行します
ruletest-ok = テスト { $name } ... ok
ruletest-ok-marked = テスト { $name } ... ok (既知の不一致として登録されています。登録を外してください)
ruletest-known-miss = テスト { $name } ... 既知の不一致: { $reason }
ruletest-failed = テスト { $name } ... FAILED
ruletest-recommendation = 推奨: `{ $expected }` を期待しましたが、`{ $actual }` でした
ruletest-combine-with = combine_with: { $expected } を期待しましたが、{ $actual } でした
ruletest-vetoed = vetoed: { $expected } を期待しましたが、{ $actual } でした
ruletest-not-fired = ルール `{ $rule }` は発火するはずでしたが、発火しませんでした
ruletest-fired = ルール `{ $rule }` は発火しないはずでしたが、発火しました
ruletest-no-next-step = { $step } で始まる次のステップがありません
ruletest-scores = スコア:
ruletest-vetoed-mark = (除外)
ruletest-fired-list = 発火したルール: { $list }
ruletest-failures = 失敗したテスト:
ruletest-casebook = ケースブック ({ $split ->
    [held-out] 検証用
   *[tuned] 調整用
}): { $total } 件中 { $passed } 件の判断が一致 ({ $percent }%)
ruletest-result = テスト結果: { $status }。成功 { $passed } 件、失敗 { $failed } 件{ $misses }
ruletest-result-misses = 、既知の不一致 { $count } 件

## serve: ページが送らないリクエストへの応答
web-error-answers-json = 回答を JSON として読めません ({ $line } 行 { $column } 列目)
web-error-answer-type = `{ $id }` の回答は真偽値、数値、文字列のいずれかにしてください
web-error-kept-not-yaml = `kept` が YAML ではありません: { $error }
web-error-kept-mapping = `kept` はマッピングにしてください
web-error-kept-keys = `kept` に含められるのは `cost:` と `rules:` のセクションだけです
web-error-kept-newline = `kept` は改行で終えてください
web-error-render = レポートを作成できません: { $reason }
web-error-file-json = ファイルを JSON として読めません ({ $line } 行 { $column } 列目)
web-error-file-too-large = `{ $name }` が { $limit } バイトを超えています
web-error-forbidden = アクセスできません。`shouldtune serve` が表示したアドレスを使ってください
web-error-not-found = ページが見つかりません
web-error-method = このメソッドは使えません
web-error-json-only = Content-Type は application/json にしてください
web-error-too-large = リクエストが大きすぎます
web-error-unreadable = リクエストを読み込めません
plan-with-and = { $all }、{ $next }

## ルールオーバーレイ: 変更した内容
overlay-summary = { $file } ({ $changes })
overlay-file = { $file }
overlay-disables = 無効化: { $list }
overlay-overrides = 置き換え: { $list }
overlay-adds = 追加: { $list }
overlay-changes-and = { $all } / { $next }
heading-overlays = 適用中のルールオーバーレイ
rules-missing-translation = { $kind } `{ $id }` に `{ $locale }` の翻訳がない項目があります: { $fields }
rules-missing-translation-help = `{ $locale }` の翻訳の `{ $section }: {"{"} { $id }: ... {"}"}` に追加するか、`locales` から `{ $locale }` を削除してください。
