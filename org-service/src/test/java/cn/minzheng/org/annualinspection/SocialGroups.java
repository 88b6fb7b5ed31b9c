package cn.minzheng.org.annualinspection;

import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import cn.minzheng.org.registration.RegistrationStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 社会团体 of one registration authority written straight into the store, registered on a given day,
 * for the sweep tests: named {@code <place><field><form>}, seated and active in {@code place}, their
 * legal representative's ID number made of the authority code and the organization id's last 5
 * characters.
 */
record SocialGroups(RegistrationStore registrations, String authority, String place, String form, String representative,
                    String agent) {

    Organization register(String id, String field, LocalDate on, long serial) {
        Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName(place, "", field, form), place + "1号",
                "宗旨", "范围", place, new Person(representative, authority + "1980010" + id.substring(id.length() - 5)), 3_000_000L,
                true, null, null, place + "科协", new Members(60, 0), List.of(), Set.of());
        String code = new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, authority, serial).value();
        Organization o = Organization.register(id, code, authority, p, on).next();
        registrations.insert(o, agent, List.of(), List.of()).block();
        return o;
    }
}
