# bash completion for copydesk
_copydesk() {
  local cur prev cmd
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  cmd="${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "check sources rules explain init lsp --version --help" -- "$cur"))
    return
  fi
  case "$prev" in
    --format) COMPREPLY=($(compgen -W "text json sarif github rdjson" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "markdown plaintext" -- "$cur")); return ;;
    --fail-on|--min-severity) COMPREPLY=($(compgen -W "error warning info hint" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  case "$cmd" in
    explain)
      COMPREPLY=($(compgen -W "$(copydesk rules 2>/dev/null | awk 'NF > 2 { print $1 }')" -- "$cur")) ;;
    check|sources)
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "--format --lang --fail-on --min-severity --config --no-config --color --quiet --version --help" -- "$cur"))
      else
        COMPREPLY=($(compgen -f -- "$cur"))
      fi ;;
  esac
}
complete -o filenames -F _copydesk copydesk
