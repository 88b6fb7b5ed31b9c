// Run once by the compose service `mongo-init` (idempotent: safe to run again).
// 1. Initiate the single-node replica set the services need (change streams, retryable writes).
// 2. One user per service database. The audit user may insert and find everywhere, but update or
//    delete only in the collections named below: the trail (audit_records, checkpoints) has no update
//    or delete path, not even for the service itself.
try {
  rs.status();
} catch (e) {
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
}
for (let i = 0; i < 60 && !db.hello().isWritablePrimary; i++) { sleep(1000); }

function ensureUser(dbName, user, pwd, roles) {
  const target = db.getSiblingDB(dbName);
  if (target.getUser(user)) { target.updateUser(user, { pwd: pwd, roles: roles }); }
  else { target.createUser({ user: user, pwd: pwd, roles: roles }); }
}

ensureUser("assistance", "assistance", process.env.ASSISTANCE_DB_PASSWORD, [{ role: "readWrite", db: "assistance" }]);
ensureUser("org", "org", process.env.ORG_DB_PASSWORD, [{ role: "readWrite", db: "org" }]);

const audit = db.getSiblingDB("audit");
const auditPrivileges = [
  { resource: { db: "audit", collection: "" },
    actions: ["find", "insert", "createIndex", "createCollection", "listIndexes", "listCollections"] },
  // the head of each chain moves forward as records are appended; the records never change
  { resource: { db: "audit", collection: "chain_heads" }, actions: ["update"] },
  // derived read models (subject index, handling clock), rebuilt from the trail; never evidence
  { resource: { db: "audit", collection: "subjects" }, actions: ["update"] },
  { resource: { db: "audit", collection: "projection_state" }, actions: ["update"] },
  // the statistics projections kept at ingest (record counts, on-time day entries and their day tallies):
  // entries set in place, a replaced generation removed; rebuilt from the trail, never evidence
  { resource: { db: "audit", collection: "record_counts" }, actions: ["update", "remove"] },
  { resource: { db: "audit", collection: "on_time_days" }, actions: ["update", "remove"] },
  { resource: { db: "audit", collection: "on_time_tallies" }, actions: ["update", "remove"] },
  // the service kit's Idempotency-Key store (platform/service-kit IdempotencyKeys): complete() sets the
  // stored answer (updateOne), release()/forget() drop one key, the cleanup drops expired keys (deleteOne,
  // deleteMany); remembered answers, never evidence
  { resource: { db: "audit", collection: "idempotency_keys" }, actions: ["update", "remove"] }
];
// The role keeps its first name (insertAndFind) so existing deployments are updated in place.
if (!audit.getRole("insertAndFind")) {
  audit.createRole({ role: "insertAndFind", privileges: auditPrivileges, roles: [] });
} else {
  // an existing deployment gets privileges added by a newer release (never removed here)
  audit.grantPrivilegesToRole("insertAndFind", auditPrivileges);
}
ensureUser("audit", "audit", process.env.AUDIT_DB_PASSWORD, [{ role: "insertAndFind", db: "audit" }]);
print("replica set and users ready");
