import { benchCommand } from './bench.js';
import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { disasmCommand } from './disasm.js';
import { evalCommand } from './eval.js';
import { webhookCommand } from './webhook.js';

/** COMMANDS represents every `iml` subcommand, in the order `iml --help` lists them. */
export const COMMANDS: readonly Command[] = [evalCommand, checkCommand, webhookCommand, disasmCommand, benchCommand];
