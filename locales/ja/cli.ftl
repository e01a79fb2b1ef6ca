# `--help` in Japanese (`--lang ja`). The English help is the doc comments of
# `src/cli.rs`; `src/cli/help_ja.rs` explains the message ids. A command or
# argument without a message here fails the tests.

## Headings and what clap adds to every command

cli-heading-commands = コマンド
cli-heading-arguments = 引数
cli-heading-options = オプション
cli-possible-values = 指定できる値
cli-default = 既定値
cli-help = ヘルプを表示
    .more = ヘルプを表示 (詳細は '--help')
    .summary = ヘルプを表示 (要約は '-h')
cli-version = バージョンを表示
cli-help-about = このメッセージ、または指定したサブコマンドのヘルプを表示します

## The program and its global options

cli-about = LLM プロジェクトがプロンプトエンジニアリング、検索拡張生成 (RAG)、ファインチューニングのどれに投資すべきかを判定し、その理由を示します
cli-after-help =
    例:
      shouldtune init                              コメント付きの llm-project.yaml を書き出す
      shouldtune evaluate llm-project.yaml         推奨するアプローチを理由とともに表示
      shouldtune check -o sarif=shouldtune.sarif   リポジトリ内のすべての記述子を検査 (CI)

    終了コード: 0 成功、1 指摘あり (check、rules check、rules test)、2 入力または使い方の誤り。
    各コマンドの例と終了コードは `shouldtune help COMMAND` で表示されます。
cli-color = 色を使うかどうか。`auto` は端末では色を使います (`NO_COLOR` が設定されている場合を除く)
    .auto = 端末では色を使う (`NO_COLOR` が設定されている場合を除く)
    .always = 常に色を使う
    .never = 色を使わない
cli-max-file-size = 受け付ける入力ファイルの最大サイズ (バイト)
cli-quiet = 標準出力には何も表示せず、終了ステータスとエラー (標準エラー出力) だけで結果を伝えます。`-o`、`--save`、`--plot` で指定したファイルは書き出します
cli-lang = メッセージとレポートの言語: `en` または `ja`。省略時は `SHOULDTUNE_LANG`、次にロケール (`LC_ALL`、`LC_MESSAGES`、`LANG`。例: `ja_JP.UTF-8`)、いずれもなければ英語。機械向けの形式では ID、コード、キーは英語のままです

## Arguments several commands share

cli-any-rules = 埋め込みの既定ルールの代わりに使うルールファイル。繰り返し指定すると重ねて読み込みます (後のファイルが前のファイルを拡張)。`extends: default` を持つファイルは埋め込みの既定ルールの上に読み込みます
cli-any-pricing = 追加する価格表、または同じ ID の埋め込み価格表を置き換える価格表 (繰り返し指定可)。使う価格表は記述子の `cost.price_table` で選びます (既定は `azure-openai-2023-10`)
cli-any-deny = 検査を失敗とする指摘のレベル
    .warnings = 警告があれば検査を失敗とする (終了コード 1)
cli-any-no-ignore = ディレクトリを探すときに ignore ファイルを無視し、すべての記述子を検査します。指定しない場合、ignore ファイルで除外した記述子の数を `check` が表示します

## init

cli-init-about = すべての質問を既定値にしたコメント付きの `llm-project.yaml` を書き出します
cli-init-after-help =
    例:
      shouldtune init
      shouldtune init services/search/llm-project.yaml --name "Search answers"
      shouldtune init --rules policy/acme.yaml --force

    各質問は既定値を設定した有効な行として書き出し、その上に質問とヘルプをコメントとして記します。
    そのため、書き出したままのファイルで `check` に通ります。回答を編集してプロジェクトを記述してください。

    終了コード: 0 書き出した、2 ファイルが既にある (`--force` なし)、書き込めない、またはルールファイルが不正。
cli-init-file = 記述子の書き出し先
cli-init-name = プロジェクト名 (既定はファイルのあるディレクトリの名前)
cli-init-force = ファイルが既にあれば置き換える

## evaluate

cli-evaluate-about = 1 つのプロジェクト記述子について推奨するアプローチを理由とともに示します
cli-evaluate-after-help =
    例:
      shouldtune evaluate llm-project.yaml
      shouldtune evaluate llm-project.yaml --format json
      shouldtune evaluate - --rules policy/acme.yaml < llm-project.yaml

    終了コード: 0 評価した、2 記述子またはルールファイルを読めない、または不正。
cli-evaluate-file = 記述子 (`llm-project.yaml`)。`-` で標準入力
cli-evaluate-format = 出力形式
    .table = 端末で読むための表
    .json = 1 つの JSON オブジェクト (フィールドは README を参照)
    .markdown = プルリクエストのコメント用
    .html = 1 ページで完結する HTML (スタイルとコストのグラフを埋め込み、スクリプトなし)
    .adr = `docs/decisions/` にコミットするアーキテクチャ決定記録 (MADR 形式)

## check

cli-check-about = 指定したパスにあるすべての記述子をガイダンスに照らして検査します (CI 向け)
cli-check-after-help =
    例:
      shouldtune check
      shouldtune check services/ --deny warnings
      shouldtune check -f github -o sarif=shouldtune.sarif -o markdown=summary.md
      shouldtune check -f gitlab > gl-code-quality-report.json

    記述子のないリポジトリは合格とし、どの形式でもその旨を通知します。

    終了コード: 0 エラーの指摘なし (または記述子なし)、1 エラーの指摘あり (`--deny warnings` 指定時は警告も)、
    2 パスが存在しない、または記述子かルールファイルを読めない・解析できない。
cli-check-paths = 記述子ファイル、または `llm-project.yaml`、`llm-project.yml`、`*.llm-project.yaml` を探すディレクトリ (`.gitignore`、`.ignore`、`.git/info/exclude` に従い、`.git` は探しません)
cli-check-format = 標準出力の形式
    .human = `path:line:col: error[id]: message` 形式。抜粋付きでファイルごとにまとめる
    .json = すべてのファイルの評価と指摘を含む 1 つの JSON オブジェクト
    .sarif = コードスキャン用の SARIF 2.1.0
    .github = GitHub Actions のワークフローコマンド (アノテーション)
    .junit = 記述子ごとに 1 テストケースの `JUnit` XML
    .markdown = ジョブサマリーやプルリクエストのコメント用の Markdown
    .gitlab = GitLab Code Quality レポート (JSON)
cli-check-outputs = FORMAT 形式のレポートを PATH にも書き出します (アトミックに置き換え、検査が失敗しても書き出す)。繰り返し指定可。例: `-o sarif=shouldtune.sarif`
cli-check-root = SARIF と GitLab のパスの基準にするリポジトリのルート (既定は作業ディレクトリから上にたどって最初に `.git` があるディレクトリ)
cli-check-allow-defaults = 未回答の質問をエラーではなく注記として報告する
cli-check-no-overlays = `rules:` でルールオーバーレイを指定する記述子を拒否します (名前を示して終了コード 2)。判定に使うのは既定のルールか `--rules` のファイルだけになります

## cost

cli-cost-about = 各アプローチの月額コスト、ファインチューニングの初期コスト、損益分岐点を見積もります
cli-cost-after-help =
    例:
      shouldtune cost llm-project.yaml
      shouldtune cost llm-project.yaml --pricing current-prices.yaml --plot cost.svg
      shouldtune cost --tables
      shouldtune cost --table azure-openai-2026-02

    終了コード: 0 見積もった (または価格表を表示した)、2 入力の誤り (記述子、価格表、価格表にない価格、計算できないほど大きい金額)
    または使い方の誤り (`--plot` のパスが `.svg` で終わらない)。
cli-cost-file = 記述子 (`llm-project.yaml`)。`-` で標準入力
cli-cost-tables = 見積もりの代わりに価格表 (埋め込みと `--pricing`) の一覧を表示する
cli-cost-table = 見積もりの代わりに、この価格表のすべての価格を出典とともに表示する
cli-cost-format = 出力形式
    .table = 人が読むための表
    .json = 金額を正確な 10 進数で表す 1 つの JSON オブジェクト
cli-cost-plot = 月間リクエスト数に対する月額コストの SVG グラフもこのパス (`.svg` で終わるもの) に書き出す
cli-cost-force = `--plot` のファイルが既にあれば置き換える

## ask

cli-ask-about = 対話形式で質問に答え、記述子を保存します (中断して再開できます)
cli-ask-after-help =
    キー操作: Enter で既定値を採用、Esc で前に戻る、Ctrl-C でそこまでの回答を保存して終了。

    例:
      shouldtune ask
      shouldtune ask --save services/search/llm-project.yaml
      shouldtune ask --from old/llm-project.yaml --save llm-project.yaml

    コスト: 質問票では `cost:` セクションを尋ねません。最後の画面では `--from` のファイルのセクション、
    なければ既定の価格表とモデルで回答の価格を計算します。別の価格表、モデル、デプロイを使うには
    保存したファイルに `cost:` セクションを追加してください (docs/costs.md を参照)。`--from` はこれを引き継ぎます。

    終了コード: 0 保存した (または保存を取りやめた)、2 端末がない、または入力の誤り、130 Ctrl-C で中断、
    129/143 ハングアップまたは終了シグナル (いずれの場合も回答は未完了として保存)。
cli-ask-save = 記述子の保存先。未完了の記述子があれば続きから再開し、完了した記述子は確認してから上書きします
cli-ask-from = 既存の記述子から回答を取り込み、足りない質問だけを尋ねる

## serve

cli-serve-about = ローカルの Web ページで質問に答えます。回答に応じて推奨がその場で更新されます
cli-serve-after-help =
    標準出力の 1 行目はページのアドレスです。サーバーは状態を持たず、ファイルも書き込まず、
    127.0.0.1 でのみ応答します。Ctrl-C で停止します。

    例:
      shouldtune serve --open
      shouldtune serve --port 8080 --rules policy/acme.yaml

    終了コード: 0 停止した、2 ポートを開けない、またはルールファイルが不正。
cli-serve-port = 待ち受けるポート。0 なら空いているポートを選びます
cli-serve-open = 既定のブラウザー (`$BROWSER` が設定されていればそれ) でページを開く

## rules

cli-rules-about = ルールセットを検査、テスト、表示します
cli-rules-check-about = ルールセットを読み込み、読み込みエラーと静的検査のすべての問題を報告します
cli-rules-check-after-help =
    例:
      shouldtune rules check --rules my-rules.yaml
      shouldtune rules check --rules my-rules.yaml --deny warnings

    終了コード: 0 問題なし (警告は可)、1 `--deny warnings` 指定時に警告あり、2 エラーあり。
cli-rules-test-about = ルールセットのテストファイルを実行します (既定は既定ルールに同梱のテスト)
cli-rules-test-after-help =
    例:
      shouldtune rules test
      shouldtune rules test my-tests.yaml --rules my-rules.yaml

    終了コード: 0 すべて成功、1 失敗したケースあり、2 テストファイルまたはルールファイルが不正。
cli-rules-test-paths = テストファイル、または `*.yaml` のテストファイルを含むディレクトリ
cli-rules-show-about = オーバーレイを適用した後の有効なルールセットを表示します
cli-rules-show-after-help =
    例:
      shouldtune rules show
      shouldtune rules show --rules examples/acme-overlay.yaml --format yaml

    終了コード: 0 表示した、2 ルールファイルを読めない、または不正。
cli-rules-show-format = 出力形式
    .table = ルールごとに 1 行 (ID、条件、効果、出典)
    .yaml = マージしたルールセットを 1 つのルールファイルとして出力

## explain

cli-explain-about = ルール、出典、診断コードを説明します (検査内容、効果、出典、例)
cli-explain-after-help =
    例:
      shouldtune explain quick-results-needed
      shouldtune explain plan-vetoed
      shouldtune explain no-fine-tuning-on-pii --rules examples/acme-overlay.yaml

    終了コード: 0 説明した、2 未知の ID (近い ID を表示)、またはルールファイルを読めない・不正。
cli-explain-id = ルール ID (`quick-results-needed`)、出典 ID、または診断コード (`plan-vetoed`)

## schema

cli-schema-about = JSON Schema を出力します: 記述子 (ルールセットの質問を含む)、ルールファイル、JSON レポート
cli-schema-after-help =
    例:
      shouldtune schema descriptor > descriptor.schema.json
      shouldtune schema descriptor --rules examples/acme-overlay.yaml

    終了コード: 0 出力した、2 ルールファイルを読めない、または不正。
cli-schema-which = 出力するスキーマ
    .descriptor = `llm-project.yaml` の記述子
    .rules = ルールファイル
    .rule-tests = ルールのテストファイル (`rules test`)
    .report = `evaluate --format json` のレポート
    .check = `check --format json` のレポート

## completions

cli-completions-about = シェル補完スクリプトを出力します
cli-completions-after-help =
    例:
      shouldtune completions bash > ~/.local/share/bash-completion/completions/shouldtune
      shouldtune completions zsh > ~/.zfunc/_shouldtune

    終了コード: 0 出力した、2 未知のシェル。
cli-completions-shell = 補完スクリプトを生成する対象のシェル

## man

cli-man-about = マニュアルページ (roff) を出力します。`man -l -` やパッケージの `man1/` ディレクトリ向け
cli-man-after-help =
    例:
      shouldtune man | man -l -
      shouldtune man check > shouldtune-check.1

    終了コード: 0 出力した、2 未知のコマンド。
cli-man-command = ページを出力するコマンド (既定はメインのページ)。例: `check`、`rules-check`
