package cn.minzheng.assistance.web;

import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.fixtures.Households;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The household registrations on the embedded Mongo-wire server: conflicts found, nothing refused, stale ones dropped. */
class HouseholdRegistrationStoreTest extends ServiceTestBase {
    static final String CLAIMS = "household_claims";
    @Autowired
    ApplicationStore store;
    @Autowired
    ReactiveMongoTemplate mongo;

    static List<String> members(int seq) {
        return List.of(Households.id("19800101", seq), Households.id("19820202", seq), Households.id("20100303", seq));
    }

    long registrationsOf(String number) {
        return mongo.count(Query.query(Criteria.where("number").is(number)), CLAIMS).block();
    }

    @Test
    void anOpenCaseOrOneBeingWrittenIsAConflictAClosedOrAbandonedOneIsDroppedAndNothingIsRefused() {
        Instant now = CLOCK.instant();
        String open = (String) submitted(token("citizen-store-421", "CITIZEN", "421303001"),
                Requests.dibao(421, "800.00")).get("number");
        String beingWritten = "421303001001-20260101-0901";
        String abandoned = "421303001001-20260101-0902";
        String spouse = "DIBAO_URBAN|" + members(421).get(1);
        mongo.insert(new Document("_id", spouse + "|" + beingWritten).append("key", spouse).append("number", beingWritten)
                .append("subject", "someone").append("at", Date.from(now)), CLAIMS).block();
        mongo.insert(new Document("_id", spouse + "|" + abandoned).append("key", spouse).append("number", abandoned)
                .append("subject", "someone").append("at", Date.from(now.minus(Duration.ofHours(1)))), CLAIMS).block();

        List<String> conflicts = store.claimHousehold("421303001001-20260101-0903", "DIBAO_URBAN", members(421),
                new ApplicationStore.Submitter("citizen-store-other", null), now).block();
        assertThat(conflicts).containsExactlyInAnyOrder(open, beingWritten).isSorted();
        assertThat(registrationsOf(abandoned)).as("abandoned registration dropped").isZero();
        assertThat(registrationsOf("421303001001-20260101-0903")).isEqualTo(3);
        // another program is another registration
        assertThat(store.claimHousehold("421303001001-20260101-0904", "TEKUN", members(421),
                new ApplicationStore.Submitter("citizen-store-other", null), now).block()).isEmpty();
    }

    @Test
    void aRegistrationWrittenBeforeThisVersionStillCounts() {
        Instant now = CLOCK.instant();
        String open = (String) submitted(token("citizen-store-422", "CITIZEN", "421303001"),
                Requests.dibao(422, "800.00")).get("number");
        mongo.remove(Query.query(Criteria.where("number").is(open)), CLAIMS).block();
        String child = "DIBAO_URBAN|" + members(422).get(2);
        mongo.insert(new Document("_id", child).append("number", open).append("subject", "citizen-store-422"), CLAIMS).block();

        assertThat(store.claimHousehold("421303001001-20260101-0905", "DIBAO_URBAN", members(422),
                new ApplicationStore.Submitter("citizen-store-x", null), now).block()).containsExactly(open);
    }

    @Test
    void theSameRequestAgainAnswersItsCaseAndLeavesNoRegistrationOfItsOwn() {
        Instant now = CLOCK.instant();
        String citizen = "citizen-store-423";
        String key = "key-423";
        String first = "421303001001-20260101-0906";
        store.claimHousehold(first, "DIBAO_URBAN", members(423), new ApplicationStore.Submitter(citizen, key), now).block();
        // no case was written for it: an abandoned attempt of the same request is no conflict of the retry
        assertThat(store.claimHousehold("421303001001-20260101-0907", "DIBAO_URBAN", members(423),
                new ApplicationStore.Submitter(citizen, key), now.plus(Duration.ofHours(1))).block()).isEmpty();

        String written = (String) http.post().uri("/api/v1/assistance/applications")
                .header("Authorization", "Bearer " + token(citizen, "CITIZEN", "421303001")).header("Idempotency-Key", "key-423b")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(Requests.dibao(424, "800.00"))
                .exchange().expectStatus().isCreated().expectBody(java.util.Map.class).returnResult().getResponseBody()
                .get("number");
        assertThatThrownBy(() -> store.claimHousehold("421303001001-20260101-0908", "DIBAO_URBAN", members(424),
                new ApplicationStore.Submitter(citizen, "key-423b"), now).block())
                .isInstanceOfSatisfying(ApplicationStore.SameSubmission.class, e -> assertThat(e.number()).isEqualTo(written));
        assertThat(registrationsOf("421303001001-20260101-0908")).isZero();
    }
}
