"""`kratom-tui completion SHELL`: completion scripts for bash, zsh and fish, made from the parser.

The scripts are generated from the argparse parser itself, so a new command or option completes
without editing this module. Article ids come from `kratom-tui list --ids` at completion time,
in the library folder given by `--articles` on the line being completed, if any.
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import dataclass, field

SHELLS = ("bash", "zsh", "fish")
IDS, DIRS, FREE = "ids", "dirs", "free"


@dataclass(frozen=True)
class Argument:
    """What a value is completed with: ids, folders, a fixed set of choices, or nothing (free text)."""

    kind: str
    choices: tuple[str, ...] = ()


@dataclass
class Command:
    name: str
    help: str
    flags: dict[str, Argument | None] = field(default_factory=dict)
    """Each option -> what its value completes with, or None when it takes no value."""
    positional: Argument | None = None


def _argument(action: argparse.Action) -> Argument:
    if action.choices:
        return Argument("choices", tuple(str(choice) for choice in action.choices))
    if action.metavar == "DIR" or action.dest == "dir":
        return Argument(DIRS)
    if action.dest == "id":
        return Argument(IDS)
    return Argument(FREE)


def _command(name: str, help_text: str, parser: argparse.ArgumentParser) -> Command:
    command = Command(name, help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        if action.option_strings:
            value = None if action.nargs == 0 else _argument(action)
            for flag in action.option_strings:
                if flag.startswith("--") and action.help != argparse.SUPPRESS:
                    command.flags[flag] = value
        elif command.positional is None:
            command.positional = _argument(action)
    return command


def describe(parser: argparse.ArgumentParser) -> tuple[Command, list[Command]]:
    """The top level (global options) and each command, as the completion scripts need them."""
    top = _command("", "", parser)
    commands: list[Command] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: str(choice.help or "") for choice in action._choices_actions}
            for name, sub in action.choices.items():
                commands.append(_command(name, helps.get(name, ""), sub))
    return top, commands


def _value_flags(top: Command, commands: list[Command]) -> dict[str, Argument]:
    found: dict[str, Argument] = {}
    for command in (top, *commands):
        found.update({flag: value for flag, value in command.flags.items() if value is not None})
    return found


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    top, commands = describe(parser)
    return {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell](top, commands)


def _words(items: list[str] | tuple[str, ...]) -> str:
    return " ".join(items)


def _bash(top: Command, commands: list[Command]) -> str:
    values = _value_flags(top, commands)
    value_cases = []
    for flag, expected in values.items():
        if flag == "--articles":
            continue
        if expected.kind == DIRS:
            reply = 'COMPREPLY=($(compgen -d -- "$cur"))'
        elif expected.kind == "choices":
            reply = f'COMPREPLY=($(compgen -W "{_words(expected.choices)}" -- "$cur"))'
        else:
            reply = "COMPREPLY=()"
        value_cases.append(f"        {flag}) {reply}; return ;;")
    names = _words([c.name for c in commands])
    command_cases = [f'        "") options="{_words(list(top.flags))}"; words="{names}" ;;']
    for command in commands:
        argument = command.positional
        if argument is None or argument.kind == FREE:
            positional = 'words=""'
        elif argument.kind == IDS:
            positional = 'words=$(_kratom_tui_ids "$articles")'
        elif argument.kind == DIRS:
            positional = "dirs=1"
        else:
            positional = f'words="{_words(argument.choices)}"'
        command_cases.append(f'        {command.name}) options="{_words(list(command.flags))}"; {positional} ;;')
    skip = "|".join(flag for flag in values if flag != "--articles") or "--no-such-option"
    return f"""\
# bash completion for kratom-tui; load it with: source <(kratom-tui completion bash)
_kratom_tui_ids() {{
    kratom-tui ${{1:+--articles "$1"}} list --ids 2>/dev/null
}}

_kratom_tui() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local command="" articles="" word i options="" words="" dirs=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        case $word in
            --articles) articles=${{COMP_WORDS[i+1]}}; ((i++)) ;;
            --articles=*) articles=${{word#--articles=}} ;;
            {skip}) ((i++)) ;;
            -*) ;;
            *) [[ -z $command ]] && command=$word ;;
        esac
    done
    case $prev in
        --articles) COMPREPLY=($(compgen -d -- "$cur")); return ;;
{chr(10).join(value_cases)}
    esac
    case $command in
{chr(10).join(command_cases)}
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ -n $dirs ]]; then
        COMPREPLY=($(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}}
complete -F _kratom_tui kratom-tui
"""


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh(top: Command, commands: list[Command]) -> str:
    values = _value_flags(top, commands)
    value_cases = []
    for flag, expected in values.items():
        if expected.kind == DIRS:
            reply = "_files -/"
        elif expected.kind == "choices":
            reply = f"compadd -- {_words(expected.choices)}"
        else:
            reply = ":"
        value_cases.append(f"    {flag}) {reply}; return ;;")
    described = " ".join(_zsh_quote(f"{c.name}:{c.help.replace(':', ' ')}") for c in commands)
    top_case = f"    '') options=({_words(list(top.flags))}); [[ $PREFIX == -* ]] || _describe command commands_list ;;"
    command_cases = [top_case]
    for command in commands:
        argument = command.positional
        if argument is None or argument.kind == FREE:
            positional = ":"
        elif argument.kind == IDS:
            positional = 'compadd -- ${(f)"$(kratom-tui ${articles:+--articles "$articles"} list --ids 2>/dev/null)"}'
        elif argument.kind == DIRS:
            positional = "_files -/"
        else:
            positional = f"compadd -- {_words(argument.choices)}"
        command_cases.append(
            f"    {command.name}) options=({_words(list(command.flags))}); [[ $PREFIX == -* ]] || {positional} ;;"
        )
    skip = "|".join(flag for flag in values if flag != "--articles") or "--no-such-option"
    return f"""\
#compdef kratom-tui
# zsh completion for kratom-tui: save as _kratom-tui in a folder of $fpath, or source <(kratom-tui completion zsh)
_kratom_tui() {{
  local command="" articles="" i
  local -a options commands_list
  commands_list=({described})
  for (( i = 2; i < CURRENT; i++ )); do
    case ${{words[i]}} in
      --articles) articles=${{words[i+1]}}; (( i++ )) ;;
      --articles=*) articles=${{words[i]#--articles=}} ;;
      {skip}) (( i++ )) ;;
      -*) ;;
      *) [[ -z $command ]] && command=${{words[i]}} ;;
    esac
  done
  case ${{words[CURRENT-1]}} in
{chr(10).join(value_cases)}
  esac
  case $command in
{chr(10).join(command_cases)}
  esac
  [[ $PREFIX == -* ]] && compadd -- $options
}}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _kratom_tui "$@"
else
  compdef _kratom_tui kratom-tui
fi
"""


def _fish(top: Command, commands: list[Command]) -> str:
    names = _words([c.name for c in commands])
    lines = [
        "# fish completion for kratom-tui: kratom-tui completion fish > ~/.config/fish/completions/kratom-tui.fish",
        "function __kratom_tui_ids",
        "    set -l tokens (commandline -opc)",
        "    set -l articles",
        "    set -l index (contains -i -- --articles $tokens)",
        "    and set articles --articles $tokens[(math $index + 1)]",
        "    kratom-tui $articles list --ids 2>/dev/null",
        "end",
        "complete -c kratom-tui -f",
    ]
    for command in commands:
        lines.append(
            f"complete -c kratom-tui -n 'not __fish_seen_subcommand_from {names}' -a {command.name}"
            f" -d {shlex.quote(command.help)}"
        )
    for scope, command in [(None, top), *((c.name, c) for c in commands)]:
        seen = f"not __fish_seen_subcommand_from {names}" if scope is None else f"__fish_seen_subcommand_from {scope}"
        condition = f"-n '{seen}'"
        for flag, argument in command.flags.items():
            line = f"complete -c kratom-tui {condition} -l {flag[2:]}"
            if argument is not None:
                if argument.kind == DIRS:
                    line += " -x -a '(__fish_complete_directories)'"
                elif argument.kind == "choices":
                    line += f" -x -a '{_words(argument.choices)}'"
                else:
                    line += " -x"
            lines.append(line)
        argument = command.positional
        if scope is None or argument is None or argument.kind == FREE:
            continue
        if argument.kind == IDS:
            values = "(__kratom_tui_ids)"
        elif argument.kind == DIRS:
            values = "(__fish_complete_directories)"
        else:
            values = _words(argument.choices)
        lines.append(f"complete -c kratom-tui {condition} -a '{values}'")
    return "\n".join(lines) + "\n"
