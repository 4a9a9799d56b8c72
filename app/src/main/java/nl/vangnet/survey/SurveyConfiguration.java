package nl.vangnet.survey;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The hourly sweep that closes ended campaigns (and deletes their interview contacts) and the
 * daily sweep that deletes answers past their retention date need scheduling.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SurveyProperties.class)
class SurveyConfiguration {}
