package io.cachet.notification;

import io.cachet.persistence.OnPostgres;

@OnPostgres
class NotificationDeliveryPostgresTests extends NotificationDeliveryContractTests {

}
