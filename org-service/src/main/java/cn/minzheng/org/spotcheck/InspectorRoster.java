package cn.minzheng.org.spotcheck;

import java.util.Objects;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * 执法检查人员名录: the inspectors of each registration authority with their 回避 entries, as configured
 * ({@code minzheng.org.spot-check-inspectors}). A draw takes its pool from here only — never from the
 * request — so nobody can leave a conflicted inspector's 回避 out or name a pool of their choosing
 * ([抽查] 民发〔2017〕45号: 随机选派检查人员, 有利害关系的应当回避).
 *
 * <p>A 回避 entry names an organization by its 统一社会信用代码 (or its organization id) or a person by
 * their 身份证 number; an inspector conflicts with an organization when an entry matches its id, its
 * credit code, or the ID number of its legal representative or of one of its officers. Entries are
 * compared ignoring case and surrounding blanks (a 身份证 check character may be written x or X).
 */
public record InspectorRoster(Map<String, List<Inspector>> byAuthority) {

    public InspectorRoster {
        byAuthority = byAuthority == null ? Map.of() : Map.copyOf(byAuthority);
    }

    /** An organization of the population as the 回避 rules see it. */
    public record Candidate(String organizationId, String creditCode, Set<String> personIds) {
        public Candidate {
            personIds = personIds == null ? Set.of() : Set.copyOf(personIds);
        }

        Set<String> identities() {
            Set<String> all = new LinkedHashSet<>();
            all.add(normal(organizationId));
            if (creditCode != null) {
                all.add(normal(creditCode));
            }
            personIds.stream().filter(Objects::nonNull).map(InspectorRoster::normal).forEach(all::add);
            return all;
        }
    }

    /** The configured inspectors of {@code authorityCode}, in configuration order (empty when none). */
    public List<Inspector> inspectorsOf(String authorityCode) {
        return byAuthority.getOrDefault(authorityCode, List.of());
    }

    /**
     * The draw pool of {@code authorityCode} for {@code population}: each configured inspector with the
     * ids of the organizations of this population they must withdraw from. The plan records this pool,
     * so a replay needs neither the configuration nor personal data.
     */
    public List<Inspector> poolFor(String authorityCode, Collection<Candidate> population) {
        return inspectorsOf(authorityCode).stream().map(i -> {
            Set<String> entries = i.conflictsWith().stream().map(InspectorRoster::normal).collect(Collectors.toSet());
            Set<String> conflicted = population.stream()
                    .filter(c -> c.identities().stream().anyMatch(entries::contains))
                    .map(Candidate::organizationId)
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Inspector(i.id(), conflicted);
        }).toList();
    }

    private static String normal(String entry) {
        return entry.strip().toUpperCase(Locale.ROOT);
    }
}
