package cn.minzheng.assistance;

import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.deadlines.WorkingCalendar;
import cn.minzheng.assistance.household.SubmissionValidator;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;

/** The plain-Java domain objects, built from configuration. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    SubmissionValidator submissionValidator(AssistanceProperties p) {
        return new SubmissionValidator(p.submissionLimits());
    }

    @Bean
    CaseRules caseRules(AssistanceProperties p) {
        return p.rules();
    }

    /** 工作日 from platform-codes' calendar data (one notice per year). */
    @Bean
    WorkingCalendar workingCalendar() {
        WorkingDayCalendar calendar = WorkingDayCalendar.builtIn();
        return new WorkingCalendar() {
            @Override
            public boolean isWorkingDay(LocalDate date) {
                return calendar.isWorkingDay(date);
            }

            @Override
            public boolean covers(LocalDate date) {
                return calendar.covers(date.getYear());
            }
        };
    }

    @Bean
    DeadlinePlanner deadlinePlanner(WorkingCalendar calendar, AssistanceProperties p) {
        return new DeadlinePlanner(calendar, p.scheduleBook());
    }
}
