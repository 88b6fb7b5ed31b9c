package cn.minzheng.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.ChainFailure;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.verify.IntegrityViews.VerdictView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verdict's typed view writes the JSON the Map it replaced wrote (issue 15 item 5): the same
 * fields in the same order, {@code recordMacs.unauthenticated} written as null when there is none,
 * {@code failure} absent when the walk found none.
 */
class IntegrityViewsJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anIntactChain() {
        ChainVerdict ok = new ChainVerdict("c-0", true, 3, 1, 3L, "h3", 3, null, "0", true, 3, null);
        assertThat(JSON.writeValueAsString(VerdictView.of(ok))).isEqualTo("{\"chain\":\"c-0\",\"ok\":true,"
                + "\"verdict\":\"AUTHENTICATED\",\"authenticated\":true,\"count\":3,\"fromSequence\":1,\"toSequence\":3,"
                + "\"anchorHash\":\"0\",\"headHash\":\"h3\",\"signedUpTo\":3,"
                + "\"recordMacs\":{\"checked\":true,\"valid\":3,\"unauthenticated\":null}}");
    }

    @Test
    void aTamperedChain() {
        ChainVerdict tampered = new ChainVerdict("c-0", false, 1, 1, null, null, 0,
                new ChainFailure(ChainFailure.Kind.MISSING, 2, null, "h1", null, "gone"), "0", false, 0,
                new ChainVerdict.Unauthenticated(1, 1));
        assertThat(JSON.writeValueAsString(VerdictView.of(tampered))).isEqualTo("{\"chain\":\"c-0\",\"ok\":false,"
                + "\"verdict\":\"TAMPERED\",\"authenticated\":false,\"count\":1,\"fromSequence\":1,\"toSequence\":null,"
                + "\"anchorHash\":\"0\",\"headHash\":null,\"signedUpTo\":0,"
                + "\"recordMacs\":{\"checked\":false,\"valid\":0,\"unauthenticated\":{\"fromSequence\":1,"
                + "\"toSequence\":1,\"count\":1,\"reason\":\"" + new ChainVerdict.Unauthenticated(1, 1).reason() + "\"}},"
                + "\"failure\":{\"sequence\":2,\"kind\":\"MISSING\",\"expectedHash\":\"h1\",\"foundHash\":null,"
                + "\"foundSequence\":null,\"reason\":\"gone\"}}");
    }
}
