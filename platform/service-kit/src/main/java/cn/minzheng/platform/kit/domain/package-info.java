/**
 * The vocabulary every aggregate shares, plain Java (no Spring, Mongo, Kafka or Jackson): the result
 * of a state change ({@link cn.minzheng.platform.kit.domain.Transitioned}), the refusal of a move the
 * state does not allow ({@link cn.minzheng.platform.kit.domain.IllegalTransition}, answered 409 as
 * {@code illegal-transition}, with an optional reason for the logs) and the refusal by a domain rule of a
 * well-formed command ({@link cn.minzheng.platform.kit.domain.RuleViolation}, answered 422: the rule's
 * code, its legal source and the arguments of its text). Issue 15 item 2; the status rule is in
 * docs/contracts.md. The kit's problem handler answers either by that rule when a service did not
 * translate it ({@code problem.web.WebExceptionTranslation#translate(Throwable, ProblemMessages)}).
 */
package cn.minzheng.platform.kit.domain;
