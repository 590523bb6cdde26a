from shiquan_score.cli import main

raise SystemExit(main())
