-- Facts recorded from ticket.closed before intake sent BASICALLY_SATISFIED carried BASIC.
update kpi_ticket set satisfaction = 'BASICALLY_SATISFIED' where satisfaction = 'BASIC';
