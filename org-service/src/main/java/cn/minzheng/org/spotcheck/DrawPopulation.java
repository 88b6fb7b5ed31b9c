package cn.minzheng.org.spotcheck;

import cn.minzheng.org.registration.Organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The population of a draw as the rules read it ([抽查]): every registrant of the authority (of the drawn
 * types) — in good standing or not — minus the configured exclusions. An organization matching several
 * exclusions is counted under the first configured one. What was left out, why and under which source is
 * part of the record of the draw.
 *
 * @param registrants how many registrants the authority had (of the types) before the exclusions
 * @param included    the organizations drawn from
 * @param excluded    one group per configured exclusion (empty groups too: the rule was applied and left nobody out)
 */
public record DrawPopulation(int registrants, List<Organization> included, List<Group> excluded) {

    /** The organizations one exclusion left out. */
    public record Group(String rule, String reason, String source, List<Left> organizations) {
        public int count() {
            return organizations.size();
        }
    }

    /** One organization left out (public: its name and credit code). */
    public record Left(String organizationId, String name, String creditCode) {
    }

    public static DrawPopulation of(List<Organization> registrants, List<PopulationExclusion> exclusions, LocalDate on) {
        Map<PopulationExclusion, List<Left>> left = new LinkedHashMap<>();
        exclusions.forEach(x -> left.put(x, new ArrayList<>()));
        List<Organization> included = new ArrayList<>();
        for (Organization o : registrants) {
            PopulationExclusion hit = exclusions.stream().filter(x -> x.excludes(o, on)).findFirst().orElse(null);
            if (hit == null) {
                included.add(o);
            } else {
                left.get(hit).add(new Left(o.id(), o.name().fullName(), o.creditCode()));
            }
        }
        List<Group> groups = new ArrayList<>();
        left.forEach((x, orgs) -> groups.add(new Group(x.rule().name(), x.reason(), x.source(), List.copyOf(orgs))));
        return new DrawPopulation(registrants.size(), List.copyOf(included), List.copyOf(groups));
    }

    /** The record kept with the plan ({@code filters} of the stored plan) and shown with the published draw. */
    public Map<String, Object> record() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("population", "ALL_REGISTRANTS");
        r.put("registrants", registrants);
        r.put("excludedCount", excluded.stream().mapToInt(Group::count).sum());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Group g : excluded) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", g.rule());
            m.put("reason", g.reason());
            m.put("source", g.source());
            m.put("count", g.count());
            m.put("organizations", g.organizations().stream().map(o -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("organizationId", o.organizationId());
                x.put("name", o.name());
                x.put("creditCode", o.creditCode());
                return x;
            }).toList());
            groups.add(m);
        }
        r.put("exclusions", groups);
        return r;
    }
}
