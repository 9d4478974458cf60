// For tests of how a failing rule is shown to the user: with SPEECH_LINT_FAIL_RULE=<rule id> in the
// environment, that rule throws on every draft. Nothing else reads the variable.
import { ruleById } from './core/rules';

export function injectRuleFailure(env: NodeJS.ProcessEnv): void {
  const id = env.SPEECH_LINT_FAIL_RULE;
  const rule = id ? ruleById.get(id) : undefined;
  if (!rule) return;
  rule.check = () => {
    throw new Error(`injected failure (SPEECH_LINT_FAIL_RULE=${id})`);
  };
}
