package nl.vangnet.survey;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The hourly sweep that closes ended campaigns (and deletes their interview contacts) needs scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SurveyConfiguration {}
