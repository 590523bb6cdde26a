from shiquan_score.cli import run_console

run_console()
