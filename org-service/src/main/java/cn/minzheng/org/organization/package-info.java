/**
 * What an organization is and who registers it — {@link cn.minzheng.org.organization.OrganizationType}
 * (社会团体, 民办非企业单位, 基金会), {@link cn.minzheng.org.organization.RegistrationAuthority} (登记管理机关)
 * and its level, and the registration {@link cn.minzheng.org.organization.Matter}s: the vocabulary that
 * naming, credit codes, events and registration share. It depends on no feature, so none of them
 * needs another to name an organization (#15 item 1: this broke the naming ↔ registration,
 * creditcode ↔ registration and events ↔ registration cycles).
 */
package cn.minzheng.org.organization;
