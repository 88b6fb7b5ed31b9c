/**
 * The vocabulary every aggregate shares, plain Java (no Spring, Mongo, Kafka or Jackson): the result
 * of a state change ({@link cn.minzheng.platform.kit.domain.Transitioned}) and the refusal of a move
 * the state does not allow ({@link cn.minzheng.platform.kit.domain.IllegalTransition}, answered 409 as
 * {@code illegal-transition}). Issue 15 item 2; the status rule is in docs/contracts.md.
 */
package cn.minzheng.platform.kit.domain;
