/**
 * The assistance case: the aggregate ({@link cn.minzheng.assistance.application.AssistanceCase}), its
 * transition table ({@link cn.minzheng.assistance.application.ApplicationLifecycle}), the application
 * service ({@link cn.minzheng.assistance.application.ApplicationWorkflow}) and the store.
 *
 * <p>A change is returned the way every aggregate of the platform returns it (issue 15 item 2): a command
 * answers the kit's {@link cn.minzheng.platform.kit.domain.Transitioned} — the next case and the
 * {@link cn.minzheng.assistance.application.DomainEvent} it caused — and refuses with the kit's
 * {@link cn.minzheng.platform.kit.domain.IllegalTransition} when the table does not allow it (409
 * {@code illegal-transition}, the state in words), with a
 * kit's {@link cn.minzheng.platform.kit.domain.RuleViolation} of a
 * {@link cn.minzheng.assistance.application.CaseRule} when a rule of the step says no (422
 * {@code rule-violated}, the kit's {@code RuleViolationProblem}, its text {@code rule.<name>} and legal
 * source); {@code DomainProblems} translates both.
 *
 * <p>Outbox in the document: the case carries no events, but its stored document does. The workflow gives
 * the transition to {@link cn.minzheng.assistance.application.ApplicationStore#update}, which sets the new
 * state and pushes the event into the document's {@code pendingEvents} in ONE conditional update on
 * {@code {_id, version}}; the kit's relay publishes from that array and removes what it published. The
 * event is thus never publishable without its change, nor the change stored without its event, and no
 * multi-document transaction is needed; a case read back never sees the outbox.
 */
package cn.minzheng.assistance.application;
