package nl.vangnet.shared;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;

/**
 * The order in which Vangnet stops (docs/adr/0010): the web server stops taking requests and
 * drains ({@code server.shutdown=graceful}), schedulers stop, the task executors wait for the
 * work they already run ({@code spring.task.*.shutdown.await-termination}), then the connection
 * pool closes and, last, the embedded PostgreSQL stops. Spring destroys a bean's dependents before
 * the bean; this makes every executor and scheduler a dependent of every data source, so no
 * asynchronous listener or scheduled job is left holding a closed pool.
 */
@Configuration(proxyBeanMethods = false)
class ShutdownOrder {

    @Bean
    static BeanFactoryPostProcessor executorsStopBeforeTheConnectionPool() {
        return beanFactory -> {
            String[] dataSources = beanFactory.getBeanNamesForType(DataSource.class, true, false);
            Set<String> workers = new LinkedHashSet<>();
            for (Class<?> type : List.of(Executor.class, TaskScheduler.class)) {
                workers.addAll(List.of(beanFactory.getBeanNamesForType(type, true, false)));
            }
            for (String dataSource : dataSources) {
                for (String worker : workers) {
                    if (!worker.equals(dataSource)) {
                        beanFactory.registerDependentBean(dataSource, worker);
                    }
                }
            }
        };
    }
}
